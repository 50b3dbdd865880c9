namespace Singr.Grains.Interfaces.Venues;

/// <param name="Slug">The external id (<c>venueId</c> in URLs); <paramref name="VenueId"/> is the internal one.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.venues.VenueProfile")]
public sealed record VenueProfile(
    [property: Id(0)] Guid VenueId,
    [property: Id(1)] Guid CustomerId,
    [property: Id(2)] string Slug,
    [property: Id(3)] string Name,
    [property: Id(4)] string Timezone,
    [property: Id(5)] string? Address,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset UpdatedAt);
