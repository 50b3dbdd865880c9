using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Queue;

/// <param name="Status">skipped, removed or failed.</param>
public sealed record EndQueueItem(Guid Id, string Status, AuditStamp? Stamp);
