using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Queue;

[GenerateSerializer]
[Immutable]
[Alias("singr.queue.HandOverLease")]
public sealed record HandOverLease([property: Id(0)] Guid PlayerId, [property: Id(1)] AuditStamp Stamp);
