namespace Singr.Grains.Interfaces.Queue;

/// <summary>
/// Either the whole queue's new order (every queued item exactly once, positions 1..n), checked against
/// <paramref name="ExpectedVersion"/> when given; or a single move.
/// </summary>
[GenerateSerializer]
[Alias("singr.queue.ReorderItems")]
public sealed record ReorderItems(
    [property: Id(0)] IReadOnlyList<QueueMove> Moves,
    [property: Id(1)] long? ExpectedVersion,
    [property: Id(2)] bool WholeQueue);
