namespace Singr.Grains.Interfaces.Wallets;

/// <summary>Where a request's charge stands in the wallet.</summary>
public static class ChargeStates
{
    public const string Spent = "spent";
    public const string Held = "held";
    public const string Released = "released";

    /// <summary>The venue gave up on the request before any charge; a late charge with its id is refused.</summary>
    public const string Cancelled = "cancelled";

    public const string Refused = "refused";
}
