namespace Singr.Grains.Interfaces.Queue;

/// <summary>The server's mirror of the venue's player.</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.PlayerState")]
public sealed record PlayerState(
    [property: Id(0)] string Status,
    [property: Id(1)] Guid? LeaseHolder,
    [property: Id(2)] long Fence,
    [property: Id(3)] DateTimeOffset? LastReportAt,
    [property: Id(4)] QueueItem? NowPlaying,
    [property: Id(5)] double PositionSeconds,
    [property: Id(6)] int Volume,
    [property: Id(7)] long LastCommandSeq,
    [property: Id(8)] string? Quality = null,
    [property: Id(9)] double? PlaybackRate = null);
