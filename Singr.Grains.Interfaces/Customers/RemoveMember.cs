using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Customers;

[GenerateSerializer]
[Immutable]
[Alias("singr.customers.RemoveMember")]
public sealed record RemoveMember([property: Id(0)] Guid UserId, [property: Id(1)] AuditStamp Stamp);
