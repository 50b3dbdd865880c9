namespace Singr.Api.Customers;

public sealed record InviteRequest(string? Email, string? Role);
