namespace Singr.Grains.Interfaces.Customers;

[GenerateSerializer]
[Immutable]
[Alias("singr.customers.CustomerInvitation")]
public sealed record CustomerInvitation(
    [property: Id(0)] Guid InvitationId,
    [property: Id(1)] string Email,
    [property: Id(2)] string Role,
    [property: Id(3)] Guid InvitedBy,
    [property: Id(4)] DateTimeOffset ExpiresAt);
