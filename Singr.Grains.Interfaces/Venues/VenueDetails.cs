namespace Singr.Grains.Interfaces.Venues;

/// <summary>The editable facts of a venue. On update, a null field is left as it is.</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.venues.VenueDetails")]
public sealed record VenueDetails(
    [property: Id(0)] string? Slug,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? Timezone,
    [property: Id(3)] string? Address);
