namespace Singr.Grains.Interfaces.Wallets;

/// <param name="State">One of <see cref="ChargeStates"/>.</param>
public sealed record ChargeResult(Guid RequestId, string State, WalletBalance Balance);
