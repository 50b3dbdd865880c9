using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Customers;

public sealed record CreateCustomer(string Name, MemberIdentity Owner, AuditStamp Stamp);
