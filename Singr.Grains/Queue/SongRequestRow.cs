using Singr.Grains.Persistence;

namespace Singr.Grains.Queue;

/// <summary>The <c>song_requests</c> projection of one request, as the venue's state has it now.</summary>
public sealed record SongRequestRow(Guid VenueId, QueueEntry Entry) : ISideRow;
