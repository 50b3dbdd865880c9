using Singr.Api.Access;
using Singr.Api.Http;

namespace Singr.Api.Venues;

/// <summary>
/// Resolves a venue slug to a live venue of the caller's active organisation; anything else (an unknown slug, a deleted
/// venue, another organisation's venue) is 404, so other tenants' venues look like no venue. Add after
/// <see cref="AccessFilters.RequireCustomerPermission"/>, which it relies on.
/// </summary>
public static class OwnedVenue
{
    private static readonly object ItemKey = new();

    /// <summary>The route's <c>{venueId}</c>.</summary>
    public static RouteHandlerBuilder RequireOwnedVenue(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (invocation, next) =>
            await ResolveAsync(invocation.HttpContext, invocation.HttpContext.Request.RouteValues["venueId"] as string)
            ?? await next(invocation));

    /// <summary>The query's optional <c>venueId</c>, narrowing an organisation-wide list or count to one venue; none when absent.</summary>
    public static RouteHandlerBuilder RequireOwnedVenueIfNamed(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var slug = invocation.HttpContext.Request.Query["venueId"].ToString();
            return (string.IsNullOrWhiteSpace(slug) ? null : await ResolveAsync(invocation.HttpContext, slug)) ?? await next(invocation);
        });

    public static VenueRef Of(HttpContext context) =>
        NamedIn(context) ?? throw new InvalidOperationException("This endpoint has no RequireOwnedVenue filter.");

    /// <summary>The venue <see cref="RequireOwnedVenueIfNamed"/> resolved; null when the query named none.</summary>
    public static VenueRef? NamedIn(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as VenueRef;
    }

    /// <summary>Null when the venue is the organisation's (and kept for the handler), else the 404 to answer.</summary>
    private static async Task<IResult?> ResolveAsync(HttpContext http, string? slug)
    {
        var venue = await http.RequestServices.GetRequiredService<VenueDirectory>().FindBySlugAsync(slug, http.RequestAborted);
        if (venue is null || venue.CustomerId != CustomerContext.Of(http).CustomerId)
        {
            return ApiResults.Failure(http, StatusCodes.Status404NotFound, VenueErrors.NotFound());
        }

        http.Items[ItemKey] = venue;
        return null;
    }
}
