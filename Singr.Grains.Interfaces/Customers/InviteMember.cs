using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Customers;

/// <param name="Email">Normalised: only the account with this email can accept.</param>
public sealed record InviteMember(string Email, string Role, AuditStamp Stamp);
