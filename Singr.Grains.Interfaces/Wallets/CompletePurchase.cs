using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Wallets;

/// <summary>
/// The provider says a checkout session was paid (Stripe's <c>checkout.session.completed</c>, signature checked): the
/// package's credits are added once per session, however often and in whatever order the provider says so.
/// </summary>
/// <param name="EventId">The provider's event (<c>evt_…</c>), kept in the audit row.</param>
/// <param name="PaymentIntentId">Stripe's payment for the session (<c>pi_…</c>): what a refund pays back.</param>
/// <param name="ReceiptEmail">The address the buyer gave at checkout: the confirmation goes there (a guest has no other); else to the account's email.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.wallets.CompletePurchase")]
public sealed record CompletePurchase(
    [property: Id(0)] StartPurchase Purchase,
    [property: Id(1)] string EventId,
    [property: Id(2)] AuditStamp Stamp,
    [property: Id(3)] string? PaymentIntentId = null,
    [property: Id(4)] string? ReceiptEmail = null);
