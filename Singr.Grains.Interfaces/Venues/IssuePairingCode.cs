using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Venues;

[GenerateSerializer]
[Immutable]
[Alias("singr.venues.IssuePairingCode")]
public sealed record IssuePairingCode([property: Id(0)] AuditStamp Stamp);
