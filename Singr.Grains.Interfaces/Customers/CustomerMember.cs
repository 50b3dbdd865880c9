namespace Singr.Grains.Interfaces.Customers;

public sealed record CustomerMember(Guid UserId, string Email, string Name, string Role, DateTimeOffset JoinedAt);
