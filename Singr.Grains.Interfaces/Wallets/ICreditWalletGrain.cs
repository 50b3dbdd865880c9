using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Calls;

namespace Singr.Grains.Interfaces.Wallets;

/// <summary>
/// One patron's credits, keyed by user id (a guest's wallet by the id of that device's guest identity): the balance, credits held for ON_PLAY requests, and the ledger
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

    /// <summary>Remembers a checkout opened for this wallet (pending); a session already known is left as it is.</summary>
    [Idempotent]
    [Alias("StartPurchase")]
    Task<PurchaseView> StartPurchase(StartPurchase command);

    /// <summary>
    /// A paid checkout: its credits are ADDED once per session (a duplicate, a replay or a late delivery changes
    /// nothing more), with the ledger row and the audit row in the wallet's write. An expiry reported before it does
    /// not stop it: the payment is what counts.
    /// </summary>
    [Idempotent]
    [Alias("CompletePurchase")]
    Task<PurchaseView> CompletePurchase(CompletePurchase command);

    /// <summary>A checkout that expired unpaid is recorded so; a paid one stays paid.</summary>
    [Idempotent]
    [Alias("ExpirePurchase")]
    Task<PurchaseView> ExpirePurchase(StartPurchase purchase);

    /// <summary>
    /// A completed purchase refunded through Stripe: its credits are REMOVED as far as they are available (what was
    /// spent stays spent and is reported), once. Refused (PURCHASE_NOT_REFUNDABLE) unless it completed here.
    /// </summary>
    [Idempotent]
    [Alias("RefundPurchase")]
    Task<Outcome<PurchaseRefunded>> RefundPurchase(RefundPurchase command);

    /// <summary>
    /// On a guest's wallet: its available credits leave (REMOVED) for an account, once; asked again for the same
    /// account it answers the same move, for another it is refused (GUEST_CREDITS_ALREADY_MOVED). The caller then adds
    /// them to the account with the move's operation id, so a retry after a crash completes it exactly once.
    /// </summary>
    [Idempotent]
    [Alias("MoveGuestCredits")]
    Task<Outcome<GuestCreditsMoved>> MoveGuestCredits(MoveGuestCredits command);

    /// <summary>The wallet's purchases, newest first.</summary>
    [Idempotent]
    [Alias("ListPurchases")]
    Task<IReadOnlyList<PurchaseView>> ListPurchases();
}
