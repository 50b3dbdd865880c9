namespace Singr.Grains.Interfaces.Venues;

/// <summary>The editable facts of a venue. On update, a null field is left as it is.</summary>
public sealed record VenueDetails(string? Slug, string? Name, string? Timezone, string? Address);
