namespace Singr.Api.Hubs;

/// <param name="Seq">The sequence number the connection is now at: events after it follow.</param>
/// <param name="Resumed">True when the missed events are replayed; false when a fresh venueState was sent.</param>
public sealed record VenueJoin(string VenueId, long Seq, bool Resumed);
