using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Queue;

/// <param name="Status">skipped, removed or failed.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.EndQueueItem")]
public sealed record EndQueueItem([property: Id(0)] Guid Id, [property: Id(1)] string Status, [property: Id(2)] AuditStamp? Stamp);
