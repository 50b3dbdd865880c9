using Orleans;
using Singr.Api.Access;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Accounts;

namespace Singr.Api.Operations;

/// <summary>
/// How a person reaches the Orleans Dashboard: its page polls the dashboard's JSON API without any token, so a platform
/// admin trades their access token for a short-lived HttpOnly cookie scoped to <c>/ops/orleans</c>.
/// </summary>
public static partial class OperationsEndpoints
{
    public const string SessionPath = "/v1/admin/ops/session";

    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SessionPath, CreateSessionAsync)
            .WithTags("Admin")
            .WithSummary("Open the Orleans Dashboard (platform admins): sets its short-lived cookie")
            .WithDescription("The cookie (HttpOnly, SameSite=Strict, path /ops/orleans) lets the browser load /ops/orleans/; it is no API token. A person starts at /ops/.")
            .ProducesEnvelope<DashboardSession>()
            .ProducesErrors(StatusCodes.Status403Forbidden)
            .RequireRateLimiting(RateLimitPolicies.AdminApi)
            .RequireAuthorization()
            .AddEndpointFilter(async (invocation, next) => OperatorAccess.IsPlatformAdmin(Caller.Of(invocation.HttpContext))
                ? await next(invocation)
                : ApiResults.Failure(invocation.HttpContext, StatusCodes.Status403Forbidden, OperationsErrors.AdminRequired()));
        endpoints.MapGet(OperationsPage.Path, (HttpContext context) => Page(context, OperationsPage.Html, "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        endpoints.MapGet(OperationsPage.ScriptPath, (HttpContext context) => Page(context, OperationsPage.Script, "text/javascript; charset=utf-8"))
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> CreateSessionAsync(
        HttpContext context, IGrainFactory grains, DashboardSessionTokens sessions, ILogger<DashboardSessionTokens> logger)
    {
        // The token says admin; the account must still be one now (a withdrawn role must not buy a fresh session).
        var caller = context.RequireCaller();
        var profile = await grains.GetGrain<IAccountGrain>(caller.Email!).GetProfile();
        if (profile is not { PlatformRole: Roles.Admin } || profile.UserId != caller.UserId)
        {
            return ApiResults.Failure(context, StatusCodes.Status403Forbidden, OperationsErrors.AdminRequired());
        }

        var (token, expiresAt) = sessions.Issue(profile.UserId, profile.Email);
        sessions.SetCookie(context, token, expiresAt);
        LogSessionOpened(logger, profile.UserId, expiresAt);
        return ApiResults.Success(context, new DashboardSession($"{DashboardSessionTokens.DashboardPath}/", expiresAt));
    }

    private static IResult Page(HttpContext context, string content, string contentType)
    {
        context.Response.Headers.ContentSecurityPolicy = OperationsPage.ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Text(content, contentType);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform admin {UserId} opened an Orleans Dashboard session until {ExpiresAt}")]
    private static partial void LogSessionOpened(ILogger logger, Guid userId, DateTimeOffset expiresAt);
}
