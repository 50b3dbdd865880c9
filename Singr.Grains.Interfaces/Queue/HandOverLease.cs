using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Queue;

public sealed record HandOverLease(Guid PlayerId, AuditStamp Stamp);
