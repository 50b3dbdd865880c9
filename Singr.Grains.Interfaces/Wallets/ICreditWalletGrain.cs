using Singr.Grains.Interfaces.Access;

namespace Singr.Grains.Interfaces.Wallets;

/// <summary>
/// One user's credits, keyed by user id: the balance, credits held for ON_PLAY requests, and the ledger
/// (<c>credit_transactions</c>, written in the wallet's transaction). The balance never goes below zero and always
/// equals the sum of the ledger. It never calls a venue, so venues may call it inside their turns.
/// </summary>
[Alias("singr.wallets.ICreditWalletGrain")]
public interface ICreditWalletGrain : IGrainWithGuidKey
{
    [Alias("GetBalance")]
    Task<WalletBalance> GetBalance();

    /// <summary>Spends or holds credits for a request; refused (INSUFFICIENT_CREDITS) when too few are available.</summary>
    [Alias("Charge")]
    Task<Outcome<ChargeResult>> Charge(ChargeCredits command);

    /// <summary>
    /// For a venue recovering a request it started paying for: the charge's state if it happened; otherwise the
    /// request id is marked cancelled (so a late charge is refused) and <see cref="ChargeStates.Cancelled"/> returned.
    /// </summary>
    [Alias("Resolve")]
    Task<string> Resolve(Guid requestId);

    /// <summary>The held credits of a request become SPENT (the song started). Idempotent.</summary>
    [Alias("Capture")]
    Task<string> Capture(Guid requestId);

    /// <summary>The held credits of a request go back to available, with no ledger entry. Idempotent.</summary>
    [Alias("Release")]
    Task<string> Release(Guid requestId);

    [Alias("Adjust")]
    Task<Outcome<WalletBalance>> Adjust(AdjustCredits command);
}
