using Singr.Api.Access;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Requests;
using Orleans;

namespace Singr.Api.Requests;

/// <summary>
/// <c>/v1/customer/requests</c>: hosts list, count, process and clear the requests of their organisation's venues.
/// Reads come from the projection (<see cref="RequestBook"/>); every change is the venue grain's.
/// </summary>
public static class RequestManagementEndpoints
{
    public const int DefaultRecent = 10;
    public const int MaxRecent = 50;

    public static IEndpointRouteBuilder MapRequestManagementEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Every route here is the organisation's API; clearing by filter has a stricter limit of its own.
        var requests = endpoints.MapGroup("/v1/customer/requests").WithTags("Requests").RequireRateLimiting(RateLimitPolicies.CustomerApi);
        requests.MapGet("/", ListAsync)
            .WithSummary("The organisation's requests, newest first, by venueId, processed, status, startDate/endDate and search, a page at a time")
            .WithDescription("Query: venueId (slug), processed (true/false), status (pending, queued, playing, played, skipped, removed, failed, rejected), "
                + "startDate and endDate (ISO 8601, inclusive, over when each was requested), search (at most 200 characters, artist or title, any case), "
                + "page and limit (20 by default, at most 100).")
            .ProducesEnvelope<Page<RequestView>>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireCustomerPermission(Permissions.RequestsRead)
            .RequireOwnedVenueIfNamed();
        requests.MapGet("/stats", StatsAsync)
            .WithSummary("How many requests, pending and processed, and how many today (each venue's own day), for the organisation or one venue")
            .ProducesEnvelope<RequestStats>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireCustomerPermission(Permissions.RequestsRead)
            .RequireOwnedVenueIfNamed();
        requests.MapGet("/recent", RecentAsync)
            .WithSummary("The newest requests not processed yet (limit 1–50, default 10); singerName is Guest when none was given")
            .ProducesEnvelope<IReadOnlyList<RequestView>>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireCustomerPermission(Permissions.RequestsRead)
            .RequireOwnedVenueIfNamed();
        requests.MapGet("/{id}", GetAsync)
            .WithSummary("One request; singerEmail (the patron's account email) for owners and managers only")
            .ProducesEnvelope<RequestView>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireCustomerPermission(Permissions.RequestsRead)
            .RequireOrganisationRequest();
        requests.MapPatch("/{id}/process", ProcessAsync)
            .WithSummary("Mark a request processed (dealt with) or not")
            .ProducesEnvelope<RequestView>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireCustomerPermission(Permissions.RequestsProcess)
            .RequireOrganisationRequest();
        requests.MapPost("/bulk/process", BulkProcessAsync)
            .WithSummary("Mark 1–100 requests processed or not, venue by venue; none when any id is not the organisation's")
            .WithDescription("Ids that are not the organisation's live requests are refused before anything changes (400). Each venue's requests then "
                + "change together, venue by venue: a venue where one of them no longer exists (deleted meanwhile) is left as it was and says so in "
                + "venues[].error, while the other venues' requests are marked. updated counts the requests marked.")
            .ProducesEnvelope<BulkProcessed>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden)
            .RequireCustomerPermission(Permissions.RequestsProcess);
        requests.MapDelete("/{id}", DeleteAsync)
            .WithSummary("Delete a request from the host's lists; one still waiting leaves the queue first (409 REQUEST_PLAYING while it plays)")
            .ProducesEnvelope<RequestView>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireCustomerPermission(Permissions.RequestsProcess)
            .RequireOrganisationRequest();
        requests.MapDelete("/", DeleteMatchingAsync)
            .WithSummary("Clear the finished requests matching venueId, processed, status and startDate/endDate; waiting ones are kept and counted (5 an hour per organisation)")
            .WithDescription("The same filters as the list, but no search. Requests still waiting (awaiting approval, queued, playing) are never cleared in bulk: "
                + "they are counted in stillWaiting; delete them one by one. Limited to 5 an hour for the whole organisation (429 RATE_LIMITED with Retry-After).")
            .ProducesEnvelope<RequestsDeleted>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireRateLimiting(RateLimitPolicies.CustomerRequestsBulkDelete)
            .RequireCustomerPermission(Permissions.RequestsProcess)
            .RequireOwnedVenueIfNamed();
        return endpoints;
    }

    private static async Task<IResult> ListAsync(string? venueId, HttpContext context, RequestBook book, CancellationToken cancellationToken)
    {
        var problems = new List<ApiErrorDetail>();
        var filter = RequestFilter.Parse(context.Request, problems);
        var page = PageRequest.Parse(context.Request, problems);
        return problems.Count > 0
            ? ApiResults.ValidationFailed(context, problems)
            : ApiResults.Success(context, await book.ListAsync(CustomerContext.Of(context).CustomerId, OwnedVenue.NamedIn(context)?.Id, filter, page, cancellationToken));
    }

    private static async Task<IResult> StatsAsync(string? venueId, HttpContext context, RequestBook book, TimeProvider clock, CancellationToken cancellationToken) =>
        ApiResults.Success(
            context, await book.StatsAsync(CustomerContext.Of(context).CustomerId, OwnedVenue.NamedIn(context)?.Id, clock.GetUtcNow(), cancellationToken));

    private static async Task<IResult> RecentAsync(string? venueId, HttpContext context, RequestBook book, CancellationToken cancellationToken)
    {
        var problems = new List<ApiErrorDetail>();
        var limit = QueryValues.WholeNumber(context.Request, "limit", DefaultRecent, 1, MaxRecent, problems);
        if (problems.Count > 0)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        var recent = await book.RecentAsync(CustomerContext.Of(context).CustomerId, OwnedVenue.NamedIn(context)?.Id, limit, cancellationToken);
        return ApiResults.Success(context, recent.Select(r => r with { SingerName = r.SingerName ?? "Guest" }).ToList());
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, RequestBook book, CancellationToken cancellationToken)
    {
        var customer = CustomerContext.Of(context);
        var request = await book.GetAsync(
            customer.CustomerId, OrganisationRequest.Of(context).RequestId, RolePermissions.SeesPatronContact(customer.Member.Role), cancellationToken);
        return request is null
            ? ApiResults.Failure(context, StatusCodes.Status404NotFound, RequestErrors.NotFound())
            : ApiResults.Success(context, request);
    }

    private static async Task<IResult> ProcessAsync(string id, ProcessRequestBody body, HttpContext context, IGrainFactory grains)
    {
        if (body.Processed is not { } processed)
        {
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail("processed", "true to mark the request processed, false to mark it not.")]);
        }

        var location = OrganisationRequest.Of(context);
        var marked = await grains.GetGrain<IVenueRequestsGrain>(location.Venue.Id)
            .MarkProcessed(new MarkRequestsProcessed([location.RequestId], processed, CustomerContext.Of(context).Stamp(context)));
        var view = marked.Value?.FirstOrDefault(r => r.Id == location.RequestId);
        return RequestOutcomes.Result(context, new Outcome<RequestView>(view, marked.Error ?? (view is null ? DomainErrors.RequestNotFound : null)));
    }

    private static async Task<IResult> BulkProcessAsync(
        BulkProcessBody body, HttpContext context, RequestBook book, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (body.Check() is { Count: > 0 } problems)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        var customer = CustomerContext.Of(context);
        var (venues, strangers) = await book.ByVenueAsync(customer.CustomerId, body.RequestIds!, cancellationToken);
        if (strangers.Count > 0)
        {
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail(
                "requestIds", $"Not requests of this organisation's venues, so nothing was changed: {string.Join(", ", strangers)}.")]);
        }

        var processed = await grains.GetGrain<IOrganisationRequestsGrain>(customer.CustomerId).MarkProcessed(venues, body.Processed!.Value, customer.Stamp(context));
        return ApiResults.Success(context, processed);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, IGrainFactory grains)
    {
        var location = OrganisationRequest.Of(context);
        var deleted = await grains.GetGrain<IVenueRequestsGrain>(location.Venue.Id)
            .DeleteRequest(new DeleteRequest(location.RequestId, CustomerContext.Of(context).Stamp(context)));
        return RequestOutcomes.Result(context, deleted);
    }

    private static async Task<IResult> DeleteMatchingAsync(string? venueId, HttpContext context, VenueDirectory venues, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (filter, problems) = DeletionFilter(context);
        if (problems.Count > 0)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        var customer = CustomerContext.Of(context);
        IReadOnlyList<Guid> inScope = OwnedVenue.NamedIn(context) is { } venue
            ? [venue.Id]
            : [.. (await venues.OfOrganisationAsync(customer.CustomerId, cancellationToken)).Select(v => v.Id)];
        var command = new DeleteRequestsMatching(filter.Processed, filter.Status, filter.From, filter.To, customer.Stamp(context));
        return ApiResults.Success(context, await grains.GetGrain<IOrganisationRequestsGrain>(customer.CustomerId).DeleteRequests(inScope, command));
    }

    /// <summary>The list's filters, without search: clearing more than the host searched for cannot be undone, so it is refused rather than ignored.</summary>
    private static (RequestFilter Filter, List<ApiErrorDetail> Problems) DeletionFilter(HttpContext context)
    {
        var problems = new List<ApiErrorDetail>();
        var filter = RequestFilter.Parse(context.Request, problems);
        if (filter.Search is not null)
        {
            problems.Add(new ApiErrorDetail("search", "Clearing does not filter by search: use venueId, processed, status, startDate and endDate."));
        }

        return (filter, problems);
    }
}
