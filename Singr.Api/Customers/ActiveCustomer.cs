using Singr.Grains.Interfaces.Customers;

namespace Singr.Api.Customers;

/// <summary>The organisation the caller acts for, with their role and what it allows.</summary>
public sealed record ActiveCustomer(CustomerProfile Customer, string Role, IReadOnlyList<string> Permissions);
