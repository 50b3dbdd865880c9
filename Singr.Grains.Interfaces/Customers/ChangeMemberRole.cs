using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Customers;

public sealed record ChangeMemberRole(Guid UserId, string Role, AuditStamp Stamp);
