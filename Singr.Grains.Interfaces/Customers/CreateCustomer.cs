using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Customers;

[GenerateSerializer]
[Immutable]
[Alias("singr.customers.CreateCustomer")]
public sealed record CreateCustomer([property: Id(0)] string Name, [property: Id(1)] MemberIdentity Owner, [property: Id(2)] AuditStamp Stamp);
