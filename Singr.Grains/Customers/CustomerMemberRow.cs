using Singr.Grains.Persistence;

namespace Singr.Grains.Customers;

/// <summary>A <c>customer_members</c> row: a member joined or changed role.</summary>
public sealed record CustomerMemberRow(Guid CustomerId, Guid UserId, string Role, DateTimeOffset JoinedAt) : ISideRow;
