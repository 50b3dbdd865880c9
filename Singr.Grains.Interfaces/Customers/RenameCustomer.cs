using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Customers;

[GenerateSerializer]
[Immutable]
[Alias("singr.customers.RenameCustomer")]
public sealed record RenameCustomer([property: Id(0)] string Name, [property: Id(1)] AuditStamp Stamp);
