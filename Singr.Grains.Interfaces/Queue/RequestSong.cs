namespace Singr.Grains.Interfaces.Queue;

/// <param name="RequestId">Idempotency: the same id returns the first result and changes nothing more.</param>
/// <param name="Priority">HYBRID only: pay the priority cost to go ahead of free requests.</param>
/// <param name="ByHost">A host requesting on a patron's behalf: free, and past the patron limits.</param>
public sealed record RequestSong(Guid RequestId, Patron Patron, SongDetails Song, bool Priority, bool ByHost);
