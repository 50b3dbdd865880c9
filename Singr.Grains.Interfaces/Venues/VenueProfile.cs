namespace Singr.Grains.Interfaces.Venues;

/// <param name="Slug">The external id (<c>venueId</c> in URLs); <paramref name="VenueId"/> is the internal one.</param>
public sealed record VenueProfile(
    Guid VenueId,
    Guid CustomerId,
    string Slug,
    string Name,
    string Timezone,
    string? Address,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
