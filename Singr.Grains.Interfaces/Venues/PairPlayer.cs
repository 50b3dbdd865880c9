namespace Singr.Grains.Interfaces.Venues;

/// <param name="CodeHash">The pairing code's hash (<see cref="PairingCode.Hash"/>): makes a retried pairing idempotent.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.venues.PairPlayer")]
public sealed record PairPlayer([property: Id(0)] string CodeHash, [property: Id(1)] string DeviceId);
