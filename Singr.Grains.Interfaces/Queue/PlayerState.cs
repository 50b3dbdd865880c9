namespace Singr.Grains.Interfaces.Queue;

/// <summary>The server's mirror of the venue's player.</summary>
public sealed record PlayerState(
    string Status,
    Guid? LeaseHolder,
    long Fence,
    DateTimeOffset? LastReportAt,
    QueueItem? NowPlaying,
    double PositionSeconds,
    int Volume,
    long LastCommandSeq);
