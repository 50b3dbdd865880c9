namespace Singr.Grains.Venues;

/// <summary>An event raised during a turn, appended to the venue's stream with the turn's state write.</summary>
public sealed record VenueEvent(long Seq, string Type, string PayloadJson);
