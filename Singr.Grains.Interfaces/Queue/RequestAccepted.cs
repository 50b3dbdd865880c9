namespace Singr.Grains.Interfaces.Queue;

[GenerateSerializer]
[Immutable]
[Alias("singr.queue.RequestAccepted")]
public sealed record RequestAccepted([property: Id(0)] QueueItem Item, [property: Id(1)] long QueueVersion);
