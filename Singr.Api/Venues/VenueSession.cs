namespace Singr.Api.Venues;

/// <summary>What the caller may do at one venue: what a kiosk, player or dashboard asks when it opens.</summary>
public sealed record VenueSession(string VenueId, string Role, IReadOnlyList<string> Capabilities);
