namespace Singr.Grains.Interfaces.Customers;

[GenerateSerializer]
[Immutable]
[Alias("singr.customers.CustomerProfile")]
public sealed record CustomerProfile(
    [property: Id(0)] Guid CustomerId,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] int MemberCount);
