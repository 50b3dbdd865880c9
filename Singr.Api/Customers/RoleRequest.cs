namespace Singr.Api.Customers;

public sealed record RoleRequest(string? Role);
