namespace Singr.Api.Requests;

/// <summary>The most requested songs and the most active patrons of a venue over <c>[From, To)</c>.</summary>
public sealed record VenueRegulars(string VenueId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TopSong> Songs, IReadOnlyList<TopPatron> Patrons);
