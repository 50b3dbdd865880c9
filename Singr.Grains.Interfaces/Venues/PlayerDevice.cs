namespace Singr.Grains.Interfaces.Venues;

public sealed record PlayerDevice(Guid PlayerId, Guid VenueId, string DeviceId, DateTimeOffset PairedAt, DateTimeOffset? RevokedAt)
{
    public bool Active => RevokedAt is null;
}
