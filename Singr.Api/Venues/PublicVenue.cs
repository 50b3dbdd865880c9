namespace Singr.Api.Venues;

/// <summary>A venue as anyone may see it: addressed by its slug, without internal ids.</summary>
public sealed record PublicVenue(string VenueId, string Name, string Timezone, string? Address);
