namespace Singr.Api.Venues;

/// <param name="VenueId">The slug: lowercase letters, digits and dashes.</param>
public sealed record VenueRequest(string? VenueId, string? Name, string? Timezone, string? Address);
