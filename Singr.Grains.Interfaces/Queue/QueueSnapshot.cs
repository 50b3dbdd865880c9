namespace Singr.Grains.Interfaces.Queue;

/// <summary>What plays and what is queued, in order; <paramref name="Version"/> changes with every queue change.</summary>
/// <param name="AwaitingApproval">Requests awaiting a host's answer (venues that approve requests), not in <paramref name="Items"/>.</param>
/// <param name="Seq">The venue's last event number: events after it are what changed since this snapshot.</param>
[GenerateSerializer]
[Alias("singr.queue.QueueSnapshot")]
public sealed record QueueSnapshot(
    [property: Id(0)] QueueItem? NowPlaying,
    [property: Id(1)] IReadOnlyList<QueueItem> Items,
    [property: Id(2)] long Version,
    [property: Id(3)] string PlayerStatus,
    [property: Id(4)] bool RequestsOpen,
    [property: Id(5)] long Seq,
    [property: Id(6)] int AwaitingApproval = 0,
    [property: Id(7)] DisplaySettings? Display = null,
    [property: Id(8)] PlayerSettings? Player = null,
    [property: Id(9)] VenuePrices? Prices = null);
