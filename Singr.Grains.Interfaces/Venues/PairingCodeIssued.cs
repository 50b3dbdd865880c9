namespace Singr.Grains.Interfaces.Venues;

/// <param name="Code">Shown once on the host's screen, typed on the player device.</param>
public sealed record PairingCodeIssued(string Code, DateTimeOffset ExpiresAt);
