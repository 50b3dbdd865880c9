namespace Singr.Grains.Interfaces.Wallets;

/// <summary>What left a guest wallet for an account: the amount and the operation both ledgers name it by.</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.wallets.GuestCreditsMoved")]
public sealed record GuestCreditsMoved(
    [property: Id(0)] Guid OperationId,
    [property: Id(1)] Guid AccountId,
    [property: Id(2)] int Credits,
    [property: Id(3)] DateTimeOffset MovedAt);
