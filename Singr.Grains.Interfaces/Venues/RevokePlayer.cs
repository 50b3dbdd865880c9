using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Venues;

public sealed record RevokePlayer(Guid PlayerId, AuditStamp Stamp);
