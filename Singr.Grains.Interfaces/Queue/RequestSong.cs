namespace Singr.Grains.Interfaces.Queue;

/// <param name="RequestId">Idempotency: the same id returns the first result and changes nothing more.</param>
/// <param name="Priority">HYBRID only: pay the priority cost to go ahead of free requests.</param>
/// <param name="ByHost">A host requesting on a patron's behalf: free, and past the patron limits.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.RequestSong")]
public sealed record RequestSong(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] Patron Patron,
    [property: Id(2)] SongDetails Song,
    [property: Id(3)] bool Priority,
    [property: Id(4)] bool ByHost);
