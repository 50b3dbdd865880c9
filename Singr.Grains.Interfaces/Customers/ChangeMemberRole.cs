using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Customers;

[GenerateSerializer]
[Immutable]
[Alias("singr.customers.ChangeMemberRole")]
public sealed record ChangeMemberRole([property: Id(0)] Guid UserId, [property: Id(1)] string Role, [property: Id(2)] AuditStamp Stamp);
