using Singr.Api.Access;
using Singr.Api.Auth;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Accounts;
using Orleans;

namespace Singr.Api.Admin;

/// <summary><c>/v1/admin</c>: platform staff's user operations (impersonation, platform roles).</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/v1/admin").WithTags("Admin")
            .RequireRateLimiting(RateLimitPolicies.AdminApi)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapPost("/impersonate", ImpersonateAsync)
            .WithSummary("Act as a non-staff user for 5 minutes (developers); audited with both identities")
            .ProducesEnvelope<ImpersonationSession>()
            .RequirePlatformPermission(Permissions.UsersImpersonate);
        admin.MapPut("/users/{userId}/platform-role", SetPlatformRoleAsync)
            .WithSummary("Grant or withdraw a platform role (admins)")
            .ProducesEnvelope<AccountProfile>()
            .RequirePlatformPermission(Permissions.UsersManage);
        return endpoints;
    }

    private static async Task<IResult> ImpersonateAsync(
        ImpersonateRequest request, HttpContext context, IGrainFactory grains, UserDirectory users, AccessTokenIssuer tokens, CancellationToken cancellationToken)
    {
        var email = request.Email is { Length: > 0 } given
            ? (CredentialRules.IsEmail(given) ? AccountEmail.Normalize(given) : null)
            : request.UserId is { } userId ? await users.EmailOfAsync(userId, cancellationToken) : null;
        if (request.Email is null && request.UserId is null)
        {
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail("userId", "Name the user by userId or email.")]);
        }

        if (email is null)
        {
            return DomainRefusals.ToResult(context, DomainErrors.AccountNotFound);
        }

        var developer = PlatformContext.Of(context);
        var target = grains.GetGrain<IAccountGrain>(email);
        var profile = await target.GetProfile();
        if (profile is null)
        {
            return DomainRefusals.ToResult(context, DomainErrors.AccountNotFound);
        }

        var stamp = developer.Stamp(context) with { ActingAsId = profile.UserId, ActingAsEmail = profile.Email };
        var started = await target.BeginImpersonation(stamp);
        if (started.Error is { } error)
        {
            return DomainRefusals.ToResult(context, error);
        }

        var access = tokens.IssueImpersonation(started.Value!, developer.UserId, developer.Caller.Email!);
        return ApiResults.Success(
            context,
            new ImpersonationSession(started.Value!, developer.UserId, access.Token, access.ExpiresAt),
            message: "Every action taken with this token is audited under both identities.");
    }

    private static async Task<IResult> SetPlatformRoleAsync(
        string userId, PlatformRoleRequest request, HttpContext context, IGrainFactory grains, UserDirectory users, CancellationToken cancellationToken)
    {
        if (request.Role is not null && !Roles.IsPlatformRole(request.Role))
        {
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail("role", $"The role must be one of {string.Join(", ", Roles.PlatformRoles)}, or null.")]);
        }

        var email = Guid.TryParse(userId, out var id) ? await users.EmailOfAsync(id, cancellationToken) : null;
        if (email is null)
        {
            return DomainRefusals.ToResult(context, DomainErrors.AccountNotFound);
        }

        var admin = PlatformContext.Of(context);
        return DomainRefusals.Result(context, await grains.GetGrain<IAccountGrain>(email).SetPlatformRole(request.Role, admin.Stamp(context)));
    }
}
