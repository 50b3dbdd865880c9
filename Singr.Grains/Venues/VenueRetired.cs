using Singr.Grains.Persistence;

namespace Singr.Grains.Venues;

/// <summary>The venue was deleted: its <c>venues</c> row is marked, which frees its slug; its history stays.</summary>
public sealed record VenueRetired(Guid VenueId, DateTimeOffset At) : ISideRow;
