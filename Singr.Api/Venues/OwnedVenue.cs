using Singr.Api.Access;
using Singr.Api.Http;

namespace Singr.Api.Venues;

/// <summary>
/// Resolves the route's <c>{venueId}</c> slug to a live venue of the caller's active organisation; anything else (an
/// unknown slug, a deleted venue, another organisation's venue) is 404, so other tenants' venues look like no venue.
/// </summary>
public static class OwnedVenue
{
    private static readonly object ItemKey = new();

    /// <summary>Add after <see cref="AccessFilters.RequireCustomerPermission"/>, which it relies on.</summary>
    public static RouteHandlerBuilder RequireOwnedVenue(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            var venue = await http.RequestServices.GetRequiredService<VenueDirectory>().FindForRouteAsync(http);
            if (venue is null || venue.CustomerId != CustomerContext.Of(http).CustomerId)
            {
                return ApiResults.Failure(http, StatusCodes.Status404NotFound, VenueErrors.NotFound());
            }

            http.Items[ItemKey] = venue;
            return await next(invocation);
        });

    public static VenueRef Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as VenueRef
            ?? throw new InvalidOperationException("This endpoint has no RequireOwnedVenue filter.");
    }
}
