namespace Singr.Grains.Interfaces.Queue;

/// <summary>A venue's counts without its queue: what a dashboard badge or a resuming connection needs.</summary>
/// <param name="Seq">The venue's last event number.</param>
/// <param name="Queued">Requests in the queue (what plays now excluded).</param>
/// <param name="AwaitingApproval">Requests awaiting a host's answer.</param>
/// <param name="Version">The queue's version, as in <see cref="QueueSnapshot.Version"/>.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.QueueCounts")]
public sealed record QueueCounts(
    [property: Id(0)] long Seq,
    [property: Id(1)] int Queued,
    [property: Id(2)] int AwaitingApproval,
    [property: Id(3)] long Version);
