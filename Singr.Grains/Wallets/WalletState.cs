namespace Singr.Grains.Wallets;

public sealed class WalletState
{
    /// <summary>The sum of the ledger.</summary>
    public int Balance { get; set; }

    public int TotalEarned { get; set; }

    public int TotalAdded { get; set; }

    public int TotalSpent { get; set; }

    public int TotalRemoved { get; set; }

    /// <summary>Charges by request id, recent ones only (<see cref="CreditWalletGrain.RememberChargesFor"/>) plus every hold.</summary>
    public Dictionary<Guid, ChargeRecord> Charges { get; set; } = [];

    /// <summary>Credit purchases by the provider's checkout session id, never pruned.</summary>
    public Dictionary<string, PurchaseRecord> Purchases { get; set; } = [];

    /// <summary>A guest wallet whose credits moved to an account (at most once).</summary>
    public GuestMove? MovedToAccount { get; set; }

    /// <summary>Adjustments already applied, by operation id, with when (pruned like charges).</summary>
    public Dictionary<Guid, DateTimeOffset> Adjustments { get; set; } = [];
}
