using Singr.Api.Access;
using Singr.Api.Http;

namespace Singr.Api.Operations;

/// <summary>
/// Every Orleans Dashboard route (page, assets, its JSON API): a platform admin's bearer token, or the dashboard cookie
/// (<see cref="DashboardSessionTokens"/>) that the dashboard's own page, which sends no token, carries. No token: 401;
/// any other signed-in caller: 403; both in the envelope.
/// </summary>
internal sealed class DashboardAccessFilter(DashboardSessionTokens sessions) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var caller = Caller.Of(http);
        if (caller is not null)
        {
            return OperatorAccess.IsPlatformAdmin(caller)
                ? await next(context)
                : ApiResults.Failure(http, StatusCodes.Status403Forbidden, OperationsErrors.AdminRequired());
        }

        return await sessions.IsValidAsync(http.Request.Cookies[DashboardSessionTokens.CookieName])
            ? await next(context)
            : ApiResults.Failure(http, StatusCodes.Status401Unauthorized, ApiErrors.ForStatus(StatusCodes.Status401Unauthorized));
    }
}
