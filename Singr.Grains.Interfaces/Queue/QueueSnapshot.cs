namespace Singr.Grains.Interfaces.Queue;

/// <summary>What plays and what is queued, in order; <paramref name="Version"/> changes with every queue change.</summary>
/// <param name="AwaitingApproval">Requests awaiting a host's answer (venues that approve requests), not in <paramref name="Items"/>.</param>
/// <param name="Seq">The venue's last event number: events after it are what changed since this snapshot.</param>
public sealed record QueueSnapshot(QueueItem? NowPlaying, IReadOnlyList<QueueItem> Items, long Version, string PlayerStatus, bool RequestsOpen, long Seq, int AwaitingApproval = 0);
