using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Wallets;

/// <summary>Platform staff refunded a completed purchase through Stripe: its credits go back, as far as they are left.</summary>
/// <param name="Reason">Why, for the audit row.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.wallets.RefundPurchase")]
public sealed record RefundPurchase(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Reason,
    [property: Id(2)] AuditStamp Stamp);
