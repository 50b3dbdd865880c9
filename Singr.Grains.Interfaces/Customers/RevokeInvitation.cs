using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Customers;

[GenerateSerializer]
[Immutable]
[Alias("singr.customers.RevokeInvitation")]
public sealed record RevokeInvitation([property: Id(0)] Guid InvitationId, [property: Id(1)] AuditStamp Stamp);
