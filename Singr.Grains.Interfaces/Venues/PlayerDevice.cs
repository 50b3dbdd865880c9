namespace Singr.Grains.Interfaces.Venues;

[GenerateSerializer]
[Immutable]
[Alias("singr.venues.PlayerDevice")]
public sealed record PlayerDevice(
    [property: Id(0)] Guid PlayerId,
    [property: Id(1)] Guid VenueId,
    [property: Id(2)] string DeviceId,
    [property: Id(3)] DateTimeOffset PairedAt,
    [property: Id(4)] DateTimeOffset? RevokedAt)
{
    public bool Active => RevokedAt is null;
}
