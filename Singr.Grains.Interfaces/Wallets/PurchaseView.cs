namespace Singr.Grains.Interfaces.Wallets;

/// <summary>A credit purchase as its buyer and platform staff see it.</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.wallets.PurchaseView")]
public sealed record PurchaseView(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Package,
    [property: Id(2)] int Credits,
    [property: Id(3)] long AmountCents,
    [property: Id(4)] string Currency,
    [property: Id(5)] string Status,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset? CompletedAt,
    [property: Id(8)] DateTimeOffset? RefundedAt = null,
    [property: Id(9)] int? CreditsTakenBack = null);
