namespace Singr.Api.Customers;

/// <summary>One organisation the caller belongs to, with their role there.</summary>
public sealed record Membership(Guid CustomerId, string Name, string Role, bool Active);
