namespace Singr.Grains.Interfaces.Venues;

/// <param name="Code">Shown once on the host's screen, typed on the player device.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.venues.PairingCodeIssued")]
public sealed record PairingCodeIssued([property: Id(0)] string Code, [property: Id(1)] DateTimeOffset ExpiresAt);
