namespace Singr.Grains.Interfaces.Customers;

public sealed record CustomerProfile(Guid CustomerId, string Name, DateTimeOffset CreatedAt, int MemberCount);
