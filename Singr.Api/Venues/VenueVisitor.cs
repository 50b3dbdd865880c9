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
            var venue = await http.RequestServices.GetRequiredService<VenueDirectory>()
                .FindBySlugAsync(http.Request.RouteValues["venueId"] as string, http.RequestAborted);
            if (venue is null)
            {
                return ApiResults.Failure(http, StatusCodes.Status404NotFound, VenueErrors.NotFound());
            }

            var caller = Caller.From(http.User);
            if (caller is { Kind: CallerKind.Guest or CallerKind.Player } && caller.VenueId != venue.Id)
            {
                return ApiResults.Failure(http, StatusCodes.Status403Forbidden, AccessErrors.WrongVenue());
            }

            http.Items[ItemKey] = venue;
            return await next(invocation);
        });

    public static VenueRef Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as VenueRef
            ?? throw new InvalidOperationException("This endpoint has no RequireVenueVisitor filter.");
    }
}
