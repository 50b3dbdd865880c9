using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Venues;

public sealed record DeleteVenue(AuditStamp Stamp);
