using Singr.Api.Audit;
using Singr.Api.Http;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Customers;
using Orleans;

namespace Singr.Api.Access;

/// <summary>Endpoint filters that authorise by role permissions before the handler runs.</summary>
public static class AccessFilters
{
    /// <summary>
    /// The caller must be an account acting for an organisation it belongs to, with <paramref name="permission"/> there.
    /// The handler reads the resolved <see cref="CustomerContext"/> with <see cref="CustomerContext.Of"/>.
    /// </summary>
    public static RouteHandlerBuilder RequireCustomerPermission(this RouteHandlerBuilder builder, string permission) =>
        builder.RequireAuthorization().WithMetadata(new PermissionRequirement(permission, Platform: false)).AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            var resolved = await ResolveCustomerAsync(http);
            if (resolved.Error is { } error)
            {
                return ApiResults.Failure(http, StatusCodes.Status403Forbidden, error);
            }

            if (!resolved.Context!.Can(permission))
            {
                RecordRefusal(http, permission, resolved.Context.Caller, resolved.Context.CustomerId);
                return ApiResults.Failure(http, StatusCodes.Status403Forbidden, AccessErrors.PermissionDenied(permission));
            }

            resolved.Context.AttachTo(http);
            return await next(invocation);
        });

    /// <summary>The caller must be platform staff (not impersonating) whose role carries <paramref name="permission"/>.</summary>
    public static RouteHandlerBuilder RequirePlatformPermission(this RouteHandlerBuilder builder, string permission) =>
        builder.RequireAuthorization().WithMetadata(new PermissionRequirement(permission, Platform: true)).AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            var caller = Caller.Of(http);
            if (caller is not { Kind: CallerKind.Account, IsImpersonated: false, PlatformRole: { } role } || !RolePermissions.Grants(role, permission))
            {
                RecordRefusal(http, permission, caller, customerId: null);
                return ApiResults.Failure(http, StatusCodes.Status403Forbidden, AccessErrors.PlatformRoleRequired(permission));
            }

            new PlatformContext(caller, role).AttachTo(http);
            return await next(invocation);
        });

    /// <summary>The caller must be a signed-in account (not a guest or player).</summary>
    public static RouteHandlerBuilder RequireAccount(this RouteHandlerBuilder builder) =>
        builder.RequireAuthorization().AddEndpointFilter(async (invocation, next) =>
            Caller.Of(invocation.HttpContext) is { Kind: CallerKind.Account }
                ? await next(invocation)
                : ApiResults.Failure(invocation.HttpContext, StatusCodes.Status403Forbidden, AccessErrors.AccountRequired()));

    /// <summary>The caller must have a wallet: an account, or a guest (whose wallet is bound to its device).</summary>
    public static RouteHandlerBuilder RequireWalletOwner(this RouteHandlerBuilder builder) =>
        builder.RequireAuthorization().AddEndpointFilter(async (invocation, next) =>
            Caller.Of(invocation.HttpContext) is { } caller && Wallets.WalletOwner.Of(caller) is not null
                ? await next(invocation)
                : ApiResults.Failure(invocation.HttpContext, StatusCodes.Status403Forbidden, AccessErrors.WalletRequired()));

    /// <summary>A player credential reports what plays; it never acts as a patron (403 PLAYER_CANNOT_REQUEST).</summary>
    public static RouteHandlerBuilder RefusePlayerCredentials(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (invocation, next) =>
            Caller.Of(invocation.HttpContext) is { Kind: CallerKind.Player }
                ? ApiResults.Failure(invocation.HttpContext, StatusCodes.Status403Forbidden, AccessErrors.PlayerCannotRequest())
                : await next(invocation));

    private static async Task<(CustomerContext? Context, ApiError? Error)> ResolveCustomerAsync(HttpContext http)
    {
        var caller = Caller.Of(http);
        if (caller is not { Kind: CallerKind.Account, UserId: { } userId })
        {
            return (null, AccessErrors.AccountRequired());
        }

        if (caller.ActiveCustomerId is not { } customerId)
        {
            return (null, AccessErrors.CustomerContextRequired());
        }

        var grains = http.RequestServices.GetRequiredService<IGrainFactory>();
        var member = await grains.GetGrain<ICustomerGrain>(customerId).GetMember(userId);
        return member is null
            ? (null, AccessErrors.CustomerContextRequired())
            : (new CustomerContext(caller, customerId, member), null);
    }

    /// <summary>A refused permission check, for the platform's audit trail: who, which permission, which route.</summary>
    private static void RecordRefusal(HttpContext http, string permission, Caller? caller, Guid? customerId) =>
        http.RequestServices.GetRequiredService<SecurityAudit>().Record(
            http, SecurityAudit.PermissionRefused, "endpoint", $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText}",
            new { permission }, caller?.UserId, caller?.Email ?? caller?.Subject, customerId);

    internal static Caller RequireCaller(this HttpContext context) =>
        Caller.Of(context) ?? throw new InvalidOperationException("The endpoint requires authorization; no caller.");
}
