using Singr.Api.Access;
using Singr.Api.Catalog;
using Singr.Api.Http;
using Singr.Api.Operations;
using Singr.Api.RateLimiting;
using Singr.Api.Songbook;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;
using Orleans;

namespace Singr.Api.Queue;

/// <summary>
/// <c>/v1/venues/{venueId}/queue</c>: patrons request songs and everyone at the venue reads the queue; hosts reorder,
/// move, end items and play one next. The rules live in the venue grain.
/// </summary>
public static class QueueEndpoints
{
    public static IEndpointRouteBuilder MapQueueEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var queue = endpoints.MapGroup("/v1/venues/{venueId}/queue").WithTags("Queue");
        queue.MapGet("/", GetAsync)
            .WithSummary("Now playing, then the queue in order with estimated start times")
            .ProducesEnvelope<QueueSnapshot>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireRateLimiting(RateLimitPolicies.PublicVenues)
            .RequireVenueVisitor();
        queue.MapPost("/", RequestAsync)
            .WithSummary("Request a song (guest, singer, or a host on a patron's behalf)")
            .WithDescription("Karaoke by artist and title, or by songId from the venue's songbook; jukebox by youtubeId (without a kind, a youtubeId means jukebox). Refusals: REQUESTS_CLOSED, BLOCKED_SONG, DUPLICATE_REQUEST, PATRON_LIMIT_REACHED, QUEUE_FULL (422), INSUFFICIENT_CREDITS (402). Send an Idempotency-Key to retry safely; the same key with a different song is IDEMPOTENCY_KEY_REUSED (422). At a PAID venue whose jukeboxPricing is BY_VIDEO a video costs its own price, the credits its search result showed: the video is looked up (VIDEO_NOT_FOUND 422, JUKEBOX_SEARCH_OFF 422, JUKEBOX_SEARCH_QUOTA_SPENT 503, JUKEBOX_PROVIDER_FAILED 502, and nothing is charged). A retry of an acknowledged request does not count against this limit but against RequestReplays (30 a minute).")
            .ProducesEnvelope<RequestAccepted>(StatusCodes.Status201Created)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status402PaymentRequired, StatusCodes.Status403Forbidden,
                StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable)
            .RequireRateLimiting(RateLimitPolicies.PublicRequests)
            .CountsRetriesAsReplays()
            .RequireVenueVisitor()
            .RefusePlayerCredentials()
            .WithSongRequestMetrics();

        // The host's side of the queue, under the organisation API's limit.
        var hosting = queue.MapGroup(string.Empty).RequireRateLimiting(RateLimitPolicies.CustomerApi);
        hosting.MapPost("/reorder", ReorderAsync)
            .WithSummary("Reorder: the whole queue as {id, position} pairs (409 with the current version if it changed), or one move")
            .ProducesEnvelope<QueueSnapshot>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireCustomerPermission(Permissions.RequestsProcess)
            .RequireOwnedVenue();
        hosting.MapPatch("/{id}", PatchItemAsync)
            .WithSummary("Move an item, or end it as skipped, removed or failed")
            .ProducesEnvelope<QueueItem>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireCustomerPermission(Permissions.RequestsProcess)
            .RequireOwnedVenue();
        hosting.MapPost("/{id}/play-next", PlayNextAsync)
            .WithSummary("Put an item first in the queue")
            .ProducesEnvelope<QueueSnapshot>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireCustomerPermission(Permissions.RequestsProcess)
            .RequireOwnedVenue();
        return endpoints;
    }

    private static async Task<IResult> GetAsync(string venueId, HttpContext context, IGrainFactory grains) =>
        await grains.GetGrain<IVenueQueueGrain>(VenueVisitor.Of(context).Id).GetQueue() is { } snapshot
            ? ApiResults.Success(context, snapshot)
            : ApiResults.Failure(context, StatusCodes.Status404NotFound, VenueErrors.NotFound());

    private static async Task<IResult> RequestAsync(
        string venueId, SongRequestBody body, HttpContext context, IGrainFactory grains, SongbookSearch songbook, VideoCatalog catalog, TimeProvider clock)
    {
        var venue = VenueVisitor.Of(context);
        int? videoCredits = null;
        if (body is { RequestKind: RequestKinds.Jukebox, OnBehalfOf: null, YoutubeId: { } youtubeId } && SongRules.IsVideoId(youtubeId)
            && await grains.GetGrain<IVenueQueueGrain>(venue.Id).GetSettings() is { } settings && VenuePrices.Of(settings).ChargesByVideo)
        {
            // Charged what the patron was shown: the video as the catalog has it (cached from their search), at its price.
            var found = await catalog.FindAsync(youtubeId, context.RequestAborted);
            if (found.Value is not { } video)
            {
                return CatalogErrors.ToResult(context, found, clock);
            }

            body = body.For(video);
            videoCredits = video.VideoCredits;
        }

        if (body.SongId is { } songId)
        {
            if (await songbook.FindAsync(venue.Id, songId, context.RequestAborted) is not { } song)
            {
                return ApiResults.ValidationFailed(context, [new ApiErrorDetail("songId", "Not a song of this venue's songbook.")]);
            }

            body = body.For(song);
        }

        var idempotencyKey = context.Request.Headers[RequestIds.IdempotencyHeader].ToString();
        if (body.Check(idempotencyKey) is { Count: > 0 } problems)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        var command = body.ToCommand(context.RequireCaller(), venue, idempotencyKey) with { VideoCredits = videoCredits };
        return DomainRefusals.Result(context, await grains.GetGrain<IVenueQueueGrain>(venue.Id).RequestSong(command), StatusCodes.Status201Created);
    }

    private static async Task<IResult> ReorderAsync(string venueId, ReorderBody body, HttpContext context, IGrainFactory grains)
    {
        var wholeQueue = body.Items is not null;
        if (wholeQueue == (body.Id is not null || body.Position is not null) || (!wholeQueue && (body.Id is null || body.Position is null)))
        {
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail("items", "Send either items (the whole order) or id and position (one move).")]);
        }

        var moves = body.Items ?? [new QueueMove(body.Id!.Value, body.Position!.Value)];
        var venue = grains.GetGrain<IVenueQueueGrain>(OwnedVenue.Of(context).Id);
        var outcome = await venue.Reorder(new ReorderItems(moves, body.Version, wholeQueue), CustomerContext.Of(context).Stamp(context));
        return await QueueResultAsync(context, venue, outcome);
    }

    private static async Task<IResult> PatchItemAsync(string venueId, string id, QueueItemPatchBody body, HttpContext context, IGrainFactory grains)
    {
        if (!Guid.TryParse(id, out var itemId))
        {
            return DomainRefusals.ToResult(context, DomainErrors.QueueItemNotFound);
        }

        if (body.Check() is { Count: > 0 } problems)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        var venue = grains.GetGrain<IVenueQueueGrain>(OwnedVenue.Of(context).Id);
        var stamp = CustomerContext.Of(context).Stamp(context);
        if (body.Status is { } status)
        {
            return DomainRefusals.Result(context, await venue.EndItem(new EndQueueItem(itemId, status, stamp)));
        }

        var moved = await venue.Reorder(new ReorderItems([new QueueMove(itemId, body.Position!.Value)], null, WholeQueue: false), stamp);
        return moved.Error is not null
            ? await QueueResultAsync(context, venue, moved)
            : ApiResults.Success(context, moved.Value!.Items.Single(i => i.Id == itemId));
    }

    private static async Task<IResult> PlayNextAsync(string venueId, string id, HttpContext context, IGrainFactory grains)
    {
        if (!Guid.TryParse(id, out var itemId))
        {
            return DomainRefusals.ToResult(context, DomainErrors.QueueItemNotFound);
        }

        var venue = grains.GetGrain<IVenueQueueGrain>(OwnedVenue.Of(context).Id);
        var outcome = await venue.Reorder(new ReorderItems([new QueueMove(itemId, 1)], null, WholeQueue: false), CustomerContext.Of(context).Stamp(context));
        return await QueueResultAsync(context, venue, outcome);
    }

    /// <summary>A queue that changed under the caller is a 409 that carries the current version and order.</summary>
    private static async Task<IResult> QueueResultAsync(HttpContext context, IVenueQueueGrain venue, Grains.Interfaces.Access.Outcome<QueueSnapshot> outcome)
    {
        if (outcome.Error != DomainErrors.QueueChanged)
        {
            return DomainRefusals.Result(context, outcome);
        }

        var current = await venue.GetCounts();
        return ApiResults.Failure(context, StatusCodes.Status409Conflict, new ApiError(
            DomainErrors.QueueChanged,
            $"The queue is at version {current?.Version}; reload it and send the order again.",
            "The queue changed while you were editing it. Here it is again.",
            [new ApiErrorDetail("version", (current?.Version ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture))]));
    }
}
