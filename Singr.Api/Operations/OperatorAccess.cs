using Singr.Api.Access;
using Singr.Grains.Interfaces.Access;

namespace Singr.Api.Operations;

/// <summary>Who may use the operator surfaces, read from the validated access token.</summary>
public static class OperatorAccess
{
    /// <summary>A platform admin acting as themselves: the Orleans Dashboard.</summary>
    public static bool IsPlatformAdmin(Caller? caller) =>
        caller is { Kind: CallerKind.Account, IsImpersonated: false, PlatformRole: Roles.Admin };

    /// <summary>Any platform staff (admin, support, developer) acting as themselves: <c>/metrics</c>.</summary>
    public static bool IsPlatformStaff(Caller? caller) =>
        caller is { Kind: CallerKind.Account, IsImpersonated: false, PlatformRole: { } role } && Roles.IsPlatformRole(role);
}
