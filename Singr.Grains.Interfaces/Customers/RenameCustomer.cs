using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Customers;

public sealed record RenameCustomer(string Name, AuditStamp Stamp);
