using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Venues;

[GenerateSerializer]
[Immutable]
[Alias("singr.venues.RevokePlayer")]
public sealed record RevokePlayer([property: Id(0)] Guid PlayerId, [property: Id(1)] AuditStamp Stamp);
