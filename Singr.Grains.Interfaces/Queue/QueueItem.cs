namespace Singr.Grains.Interfaces.Queue;

/// <summary>
/// A request as the room sees it (queue snapshots, <c>queue:insert</c> / <c>queue:update</c>, the player): what was
/// asked for and where it stands, without the patron's account. Hosts see <c>RequestView</c>; its fields that both
/// carry have the same names.
/// </summary>
/// <param name="RequestedBy">The name the patron requested under.</param>
/// <param name="Position">1-based place in the queue; 0 for the item now playing and for ended items.</param>
/// <param name="EstimatedStartAt">From the durations ahead of it (an unknown duration counts as the venue average).</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.QueueItem")]
public sealed record QueueItem(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Title,
    [property: Id(3)] string? Artist,
    [property: Id(4)] int KeyChange,
    [property: Id(5)] string? Notes,
    [property: Id(6)] string? SingerName,
    [property: Id(7)] string? YoutubeId,
    [property: Id(8)] int? DurationSeconds,
    [property: Id(9)] string? ThumbnailUrl,
    [property: Id(10)] string RequestedBy,
    [property: Id(11)] int Position,
    [property: Id(12)] string Status,
    [property: Id(13)] int CreditsCost,
    [property: Id(14)] bool Priority,
    [property: Id(15)] DateTimeOffset RequestedAt,
    [property: Id(16)] DateTimeOffset? EstimatedStartAt);
