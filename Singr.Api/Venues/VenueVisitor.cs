using Singr.Api.Access;
using Singr.Api.Http;

namespace Singr.Api.Venues;

/// <summary>
/// Resolves the route's <c>{venueId}</c> for anyone with a token, refusing guest and player tokens of another venue:
/// they are good for their own venue only.
/// </summary>
public static class VenueVisitor
{
    private static readonly object ItemKey = new();

    public static RouteHandlerBuilder RequireVenueVisitor(this RouteHandlerBuilder builder) =>
        builder.RequireAuthorization().AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            var venue = await http.RequestServices.GetRequiredService<VenueDirectory>().FindForRouteAsync(http);
            if (venue is null)
            {
                return ApiResults.Failure(http, StatusCodes.Status404NotFound, VenueErrors.NotFound());
            }

            if (Caller.Of(http) is not { } caller || !Admits(caller, venue))
            {
                return ApiResults.Failure(http, StatusCodes.Status403Forbidden, AccessErrors.WrongVenue());
            }

            http.Items[ItemKey] = venue;
            return await next(invocation);
        });

    /// <summary>Guest and player tokens are good for their own venue only; every other signed-in caller may visit any.</summary>
    public static bool Admits(Caller caller, VenueRef venue)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(venue);
        return caller.Kind is not (CallerKind.Guest or CallerKind.Player) || caller.VenueId == venue.Id;
    }

    public static VenueRef Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as VenueRef
            ?? throw new InvalidOperationException("This endpoint has no RequireVenueVisitor filter.");
    }
}
