using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Venues;

public sealed record IssuePairingCode(AuditStamp Stamp);
