namespace Singr.Grains.Interfaces.Wallets;

/// <summary>The only credit ledger types (no REFUND: credits held for a request that never plays are released, never refunded).</summary>
public static class LedgerTypes
{
    /// <summary>Granted by the platform (promotions).</summary>
    public const string Earned = "EARNED";

    /// <summary>Paid for a request.</summary>
    public const string Spent = "SPENT";

    /// <summary>Given by a venue's host.</summary>
    public const string Added = "ADDED";

    /// <summary>Taken by a venue's host.</summary>
    public const string Removed = "REMOVED";

    public static IReadOnlyList<string> All { get; } = [Earned, Spent, Added, Removed];

    /// <summary>How a ledger entry of this type moves the balance.</summary>
    public static int Sign(string type) => type is Earned or Added ? 1 : -1;
}
