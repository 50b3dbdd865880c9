namespace Singr.Grains.Interfaces.Wallets;

/// <summary>A checkout opened with the payment provider for a package of credits; nothing is added until it is paid.</summary>
/// <param name="SessionId">The provider's checkout session id (Stripe's <c>cs_…</c>): one purchase per session.</param>
/// <param name="AmountCents">What the patron pays, in the currency's smallest unit.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.wallets.StartPurchase")]
public sealed record StartPurchase(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Package,
    [property: Id(2)] int Credits,
    [property: Id(3)] long AmountCents,
    [property: Id(4)] string Currency);
