using Singr.Grains.Persistence;

namespace Singr.Grains.Customers;

/// <summary>A member left the organisation: their <c>customer_members</c> row goes.</summary>
public sealed record CustomerMemberRemoved(Guid CustomerId, Guid UserId) : ISideRow;
