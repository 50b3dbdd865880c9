using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Customers;

public sealed record RemoveMember(Guid UserId, AuditStamp Stamp);
