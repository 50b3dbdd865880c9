using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Venues;

public sealed record CreateVenue(Guid CustomerId, VenueDetails Details, AuditStamp Stamp);
