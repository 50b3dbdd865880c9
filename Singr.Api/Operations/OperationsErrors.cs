using Singr.Api.Http;
using Singr.Grains.Interfaces.Access;

namespace Singr.Api.Operations;

/// <summary>Refusals of the operator surfaces (the Orleans Dashboard, <c>/metrics</c>), in the envelope's terms.</summary>
public static class OperationsErrors
{
    public const string PlatformRoleRequired = "PLATFORM_ROLE_REQUIRED";

    public static ApiError AdminRequired() => new(
        PlatformRoleRequired,
        $"The Orleans Dashboard is for platform admins (role '{Roles.Admin}'), not under impersonation.",
        "You are not allowed to do that.",
        [new ApiErrorDetail("role", Roles.Admin)]);

    public static ApiError StaffRequired() => new(
        PlatformRoleRequired,
        $"Metrics are for the cluster's scraper and platform staff ({string.Join(", ", Roles.PlatformRoles)}), not under impersonation.",
        "You are not allowed to do that.",
        [new ApiErrorDetail("role", string.Join(", ", Roles.PlatformRoles))]);
}
