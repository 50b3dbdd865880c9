namespace Singr.Grains.Interfaces.Wallets;

/// <param name="State">One of <see cref="ChargeStates"/>.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.wallets.ChargeResult")]
public sealed record ChargeResult([property: Id(0)] Guid RequestId, [property: Id(1)] string State, [property: Id(2)] WalletBalance Balance);
