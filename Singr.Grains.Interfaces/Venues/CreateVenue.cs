using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Venues;

[GenerateSerializer]
[Immutable]
[Alias("singr.venues.CreateVenue")]
public sealed record CreateVenue([property: Id(0)] Guid CustomerId, [property: Id(1)] VenueDetails Details, [property: Id(2)] AuditStamp Stamp);
