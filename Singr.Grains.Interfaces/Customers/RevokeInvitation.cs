using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Customers;

public sealed record RevokeInvitation(Guid InvitationId, AuditStamp Stamp);
