using Singr.Api.Access;
using Singr.Api.Http;
using Singr.Api.Hubs;
using Singr.Api.RateLimiting;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Queue;
using Orleans;

namespace Singr.Api.Requests;

/// <summary><c>/v1/venues/{venueId}/requests/mine</c>: a patron's own requests at the venue, with where they stand.</summary>
public static class PatronRequestEndpoints
{
    public static IEndpointRouteBuilder MapPatronRequestEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/venues/{venueId}/requests/mine", MineAsync)
            .WithTags("Requests")
            .WithSummary("The caller's own requests at the venue tonight, newest first, each with its status and, while queued, its place and estimated start")
            .ProducesEnvelope<IReadOnlyList<MyRequest>>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireRateLimiting(RateLimitPolicies.PublicVenues)
            .RequireVenueVisitor();
        return endpoints;
    }

    private static async Task<IResult> MineAsync(string venueId, HttpContext context, IGrainFactory grains, PatronRequests requests)
    {
        if (PatronKeys.Of(context.RequireCaller()) is not { } patronKey)
        {
            return ApiResults.Failure(context, StatusCodes.Status403Forbidden, AccessErrors.PlayerCannotRequest());
        }

        var venue = VenueVisitor.Of(context);
        if (await grains.GetGrain<IVenueQueueGrain>(venue.Id).GetQueue() is not { } queue)
        {
            return ApiResults.Failure(context, StatusCodes.Status404NotFound, VenueErrors.NotFound());
        }

        return ApiResults.Success(context, await requests.OfAsync(venue.Id, patronKey, queue, context.RequestAborted));
    }
}
