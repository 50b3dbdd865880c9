using Singr.Grains.Persistence;

namespace Singr.Grains.Queue;

/// <summary>Finished requests a host deleted: their <c>song_requests</c> rows are marked deleted (kept for the ledger's sake).</summary>
public sealed record SongRequestsDeleted(Guid VenueId, IReadOnlyCollection<Guid> RequestIds, DateTimeOffset At) : ISideRow;
