namespace Singr.Grains.Venues;

/// <summary>An event raised during a turn, appended to the venue's stream with the turn's state write.</summary>
/// <param name="Audience">Who the event also has a part for (a patron key), and <paramref name="AudiencePayloadJson"/> that part.</param>
public sealed record VenueEvent(long Seq, string Type, string PayloadJson, string? Audience = null, string? AudiencePayloadJson = null);
