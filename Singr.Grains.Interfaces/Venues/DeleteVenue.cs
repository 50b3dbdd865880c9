using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Venues;

[GenerateSerializer]
[Immutable]
[Alias("singr.venues.DeleteVenue")]
public sealed record DeleteVenue([property: Id(0)] AuditStamp Stamp);
