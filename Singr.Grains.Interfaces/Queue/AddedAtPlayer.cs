namespace Singr.Grains.Interfaces.Queue;

/// <summary>A song a host added at the player screen (offline, it waits there as <c>pending_local</c>).</summary>
/// <param name="LocalId">The player's id for it, which becomes the request's id: sent again, it is queued once.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.AddedAtPlayer")]
public sealed record AddedAtPlayer([property: Id(0)] Guid LocalId, [property: Id(1)] SongDetails Song);
