namespace Singr.Grains.Interfaces.Venues;

/// <param name="CodeHash">The pairing code's hash (<see cref="PairingCode.Hash"/>): makes a retried pairing idempotent.</param>
public sealed record PairPlayer(string CodeHash, string DeviceId);
