namespace Singr.Grains.Interfaces.Queue;

/// <summary>
/// Either the whole queue's new order (every queued item exactly once, positions 1..n), checked against
/// <paramref name="ExpectedVersion"/> when given; or a single move.
/// </summary>
public sealed record ReorderItems(IReadOnlyList<QueueMove> Moves, long? ExpectedVersion, bool WholeQueue);
