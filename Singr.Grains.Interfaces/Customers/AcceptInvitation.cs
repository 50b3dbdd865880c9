namespace Singr.Grains.Interfaces.Customers;

[GenerateSerializer]
[Immutable]
[Alias("singr.customers.AcceptInvitation")]
public sealed record AcceptInvitation(
    [property: Id(0)] string Token,
    [property: Id(1)] MemberIdentity User,
    [property: Id(2)] string? ClientAddress,
    [property: Id(3)] string? RequestId);
