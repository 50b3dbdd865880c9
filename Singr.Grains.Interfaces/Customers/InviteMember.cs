using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Customers;

/// <param name="Email">Normalised: only the account with this email can accept.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.customers.InviteMember")]
public sealed record InviteMember([property: Id(0)] string Email, [property: Id(1)] string Role, [property: Id(2)] AuditStamp Stamp);
