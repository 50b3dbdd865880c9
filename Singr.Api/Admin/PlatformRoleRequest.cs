namespace Singr.Api.Admin;

/// <param name="Role">admin, support_admin, developer; null withdraws the user's platform role.</param>
public sealed record PlatformRoleRequest(string? Role);
