namespace Singr.Grains.Interfaces.Customers;

/// <summary>A signed-in user as a customer grain needs to know them.</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.customers.MemberIdentity")]
public sealed record MemberIdentity([property: Id(0)] Guid UserId, [property: Id(1)] string Email, [property: Id(2)] string Name);
