using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Queue;

/// <summary>
/// <c>player:queue_snapshot</c>: what the player did while it could not reach the server, sent when it can again:
/// the songs it finished in order, the songs added at it, and its state now.
/// </summary>
/// <param name="Current">The player's state now, checked as any report.</param>
/// <param name="Stamp">The player as the actor of the audit row that records what the snapshot changed.</param>
[GenerateSerializer]
[Alias("singr.queue.PlayerQueueSnapshot")]
public sealed record PlayerQueueSnapshot(
    [property: Id(0)] PlayerReport Current,
    [property: Id(1)] IReadOnlyList<PlayedOffline> Played,
    [property: Id(2)] IReadOnlyList<AddedAtPlayer> Added,
    [property: Id(3)] AuditStamp Stamp);
