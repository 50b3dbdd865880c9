namespace Singr.Grains.Interfaces.Queue;

/// <param name="Position">1-based place in the queue; 0 for the item now playing and for ended items.</param>
/// <param name="EstimatedStartAt">From the durations ahead of it (an unknown duration counts as the venue average).</param>
public sealed record QueueItem(
    Guid Id,
    string Kind,
    string Title,
    string? Artist,
    int KeyChange,
    string? Notes,
    string? SingerName,
    string? YoutubeId,
    int? DurationSeconds,
    string? ThumbnailUrl,
    string RequestedByName,
    int Position,
    string Status,
    int CreditsCost,
    bool Priority,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EstimatedStartAt);
