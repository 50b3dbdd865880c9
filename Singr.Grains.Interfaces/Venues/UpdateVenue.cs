using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Venues;

[GenerateSerializer]
[Immutable]
[Alias("singr.venues.UpdateVenue")]
public sealed record UpdateVenue([property: Id(0)] VenueDetails Changes, [property: Id(1)] AuditStamp Stamp);
