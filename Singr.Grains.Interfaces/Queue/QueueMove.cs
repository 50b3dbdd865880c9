namespace Singr.Grains.Interfaces.Queue;

[GenerateSerializer]
[Immutable]
[Alias("singr.queue.QueueMove")]
public sealed record QueueMove([property: Id(0)] Guid Id, [property: Id(1)] int Position);
