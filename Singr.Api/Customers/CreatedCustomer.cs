using Singr.Grains.Interfaces.Customers;

namespace Singr.Api.Customers;

/// <param name="AccessToken">A token acting for the new organisation (null under impersonation, which keeps its own).</param>
public sealed record CreatedCustomer(CustomerProfile Customer, string? AccessToken, DateTimeOffset? AccessTokenExpiresAt);
