namespace Singr.Grains.Interfaces.Queue;

/// <param name="Fence">The lease number from the player's last reply; null on a device's first report.</param>
/// <param name="ItemId">The queue item playing or paused, per the player; null when idle.</param>
/// <param name="LastCommandSeq">The last host command the player carried out.</param>
/// <param name="Quality">The video quality playing, one of <see cref="VideoQualities.All"/>; null when not known.</param>
/// <param name="PlaybackRate">The speed, 0.25 to 2; null when not known.</param>
/// <param name="ErrorCode">With an <c>error</c> report only: why the item could not play (the YouTube player's code).</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.PlayerReport")]
public sealed record PlayerReport(
    [property: Id(0)] Guid PlayerId,
    [property: Id(1)] string DeviceId,
    [property: Id(2)] long? Fence,
    [property: Id(3)] string Status,
    [property: Id(4)] Guid? ItemId,
    [property: Id(5)] double PositionSeconds,
    [property: Id(6)] int Volume,
    [property: Id(7)] long LastCommandSeq,
    [property: Id(8)] string? Quality = null,
    [property: Id(9)] double? PlaybackRate = null,
    [property: Id(10)] string? ErrorCode = null);
