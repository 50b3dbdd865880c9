using Singr.Api.Access;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Access;

namespace Singr.Api.Requests;

/// <summary><c>/v1/customer/requests/top</c>: a venue's most requested songs and most active patrons over a date range.</summary>
public static class RequestHistoryEndpoints
{
    public const int DefaultTop = 10;
    public const int MaxTop = 50;
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(30);

    public static IEndpointRouteBuilder MapRequestHistoryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/customer/requests/top", TopAsync)
            .WithTags("Requests")
            .WithSummary("Most requested songs and most active patrons of one of the organisation's venues, from/to (default the last 30 days)")
            .ProducesEnvelope<VenueRegulars>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireRateLimiting(RateLimitPolicies.CustomerApi)
            .RequireCustomerPermission(Permissions.RequestsRead)
            .RequireOwnedVenueIfNamed();
        return endpoints;
    }

    private static async Task<IResult> TopAsync(string? venueId, HttpContext context, RequestHistory history, TimeProvider clock, CancellationToken cancellationToken)
    {
        var problems = new List<ApiErrorDetail>();
        var to = QueryValues.Time(context.Request, "to", problems) ?? clock.GetUtcNow();
        var from = QueryValues.Time(context.Request, "from", problems) ?? to - DefaultRange;
        if (from >= to)
        {
            problems.Add(new ApiErrorDetail("from", "'from' must be before 'to'."));
        }

        var limit = QueryValues.WholeNumber(context.Request, "limit", DefaultTop, 1, MaxTop, problems);
        if (OwnedVenue.NamedIn(context) is not { } venue)
        {
            return ApiResults.ValidationFailed(context, [.. problems, new ApiErrorDetail("venueId", "Which venue (its id, e.g. main-bar).")]);
        }

        if (problems.Count > 0)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        var (songs, patrons) = await history.TopAsync(venue.Id, from, to, limit, cancellationToken);
        return ApiResults.Success(context, new VenueRegulars(venue.Slug, from, to, songs, patrons));
    }
}
