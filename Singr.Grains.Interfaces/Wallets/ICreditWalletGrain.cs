using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Calls;

namespace Singr.Grains.Interfaces.Wallets;

/// <summary>
/// One user's credits, keyed by user id: the balance, credits held for ON_PLAY requests, and the ledger
/// (<c>credit_transactions</c>, written in the wallet's transaction). The balance never goes below zero and always
/// equals the sum of the ledger. It never calls a venue, so venues may call it inside their turns.
/// </summary>
[Alias("singr.wallets.ICreditWalletGrain")]
public interface ICreditWalletGrain : IGrainWithGuidKey
{
    [Idempotent]
    [Alias("GetBalance")]
    Task<WalletBalance> GetBalance();

    /// <summary>Spends or holds credits for a request; refused (INSUFFICIENT_CREDITS) when too few are available.</summary>
    [Idempotent]
    [Alias("Charge")]
    Task<Outcome<ChargeResult>> Charge(ChargeCredits command);

    /// <summary>
    /// For a venue recovering a request it started paying for: the charge's state if it happened; otherwise tries up to
    /// <paramref name="attempt"/> are marked cancelled (so their late charge is refused, while a later try may still
    /// charge) and <see cref="ChargeStates.Cancelled"/> returned.
    /// </summary>
    [Idempotent]
    [Alias("ResolveTry")]
    Task<string> Resolve(Guid requestId, int attempt);

    /// <summary>
    /// <see cref="Resolve(Guid, int)"/> for a venue of the previous release, whose charges were all try 1. Kept for one
    /// release, so silos of both can settle payments during a rollout.
    /// </summary>
    [Idempotent]
    [Alias("Resolve")]
    Task<string> Resolve(Guid requestId);

    /// <summary>The held credits of a request become SPENT (the song started). Idempotent.</summary>
    [Idempotent]
    [Alias("Capture")]
    Task<string> Capture(Guid requestId);

    /// <summary>The held credits of a request go back to available, with no ledger entry. Idempotent.</summary>
    [Idempotent]
    [Alias("Release")]
    Task<string> Release(Guid requestId);

    [Idempotent]
    [Alias("Adjust")]
    Task<Outcome<WalletBalance>> Adjust(AdjustCredits command);
}
