using Singr.Grains.Interfaces.Queue;

namespace Singr.Api.Queue;

/// <summary>Either <paramref name="Items"/> (the whole queue's new order, optionally checked against <paramref name="Version"/>) or one move (<paramref name="Id"/>, <paramref name="Position"/>).</summary>
public sealed record ReorderBody(IReadOnlyList<QueueMove>? Items, long? Version, Guid? Id, int? Position);
