namespace Singr.Grains.Interfaces.Queue;

/// <summary>What plays and what is queued, in order; <paramref name="Version"/> changes with every queue change.</summary>
public sealed record QueueSnapshot(QueueItem? NowPlaying, IReadOnlyList<QueueItem> Items, long Version, string PlayerStatus, bool RequestsOpen);
