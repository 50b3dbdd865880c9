using System.Security.Claims;
using Singr.Api.Access;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Customers;
using Singr.Grains.Interfaces.Venues;
using Orleans;

namespace Singr.Api.Venues;

/// <summary>
/// <c>/v1/venues</c>: the public list and detail, and an organisation's create, update and delete. A venue of another
/// organisation is answered as if it did not exist.
/// </summary>
public static class VenueEndpoints
{
    /// <summary>What a guest may do at its venue (read the venue and its queue, request songs).</summary>
    private static readonly string[] GuestCapabilities = ["queue:read", "queue:add", "search:read"];

    private static readonly string[] PlayerCapabilities = ["queue:read", "player:control"];

    private static readonly string[] PatronCapabilities = ["queue:read", "queue:add", "search:read"];

    public static IEndpointRouteBuilder MapVenueEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var venues = endpoints.MapGroup("/v1/venues").WithTags("Venues");

        // What anyone may read, under the public limit.
        var visiting = venues.MapGroup(string.Empty).RequireRateLimiting(RateLimitPolicies.PublicVenues);
        visiting.MapGet("/", ListAsync)
            .WithSummary("Venues open to the public, by name; search matches any part of the name")
            .ProducesEnvelope<Page<PublicVenue>>()
            .ProducesErrors(StatusCodes.Status400BadRequest);
        visiting.MapGet("/{venueId}", GetAsync)
            .WithSummary("A venue by its slug")
            .ProducesEnvelope<PublicVenue>()
            .ProducesErrors(StatusCodes.Status404NotFound);
        visiting.MapGet("/{venueId}/me", SessionAsync)
            .WithSummary("What the caller may do at this venue (a guest or player token of another venue is refused)")
            .ProducesEnvelope<VenueSession>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireVenueVisitor();

        // The organisation's own venues, under its API's limit.
        var hosting = venues.MapGroup(string.Empty).RequireRateLimiting(RateLimitPolicies.CustomerApi);
        hosting.MapPost("/", CreateAsync)
            .WithSummary("Create a venue for the active organisation")
            .ProducesEnvelope<HostVenue>(StatusCodes.Status201Created)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict)
            .RequireCustomerPermission(Permissions.VenuesWrite);
        hosting.MapPatch("/{venueId}", UpdateAsync)
            .WithSummary("Change a venue's slug, name, timezone or address (omitted fields stay)")
            .ProducesEnvelope<HostVenue>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireCustomerPermission(Permissions.VenuesWrite)
            .RequireOwnedVenue();
        hosting.MapDelete("/{venueId}", DeleteAsync)
            .WithSummary("Retire a venue: it leaves the public list, frees its slug and revokes its players")
            .ProducesEnvelope<HostVenue>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireCustomerPermission(Permissions.VenuesDelete)
            .RequireOwnedVenue();
        endpoints.MapGet("/v1/customer/venues", ListOwnAsync)
            .WithTags("Venues")
            .WithSummary("The active organisation's venues")
            .ProducesEnvelope<Page<PublicVenue>>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden)
            .RequireRateLimiting(RateLimitPolicies.CustomerApi)
            .RequireCustomerPermission(Permissions.VenuesRead);
        return endpoints;
    }

    private static Task<IResult> ListAsync(string? search, HttpContext context, VenueDirectory venues, CancellationToken cancellationToken) =>
        SearchAsync(search, customerId: null, context, venues, cancellationToken);

    private static Task<IResult> ListOwnAsync(string? search, HttpContext context, VenueDirectory venues, CancellationToken cancellationToken) =>
        SearchAsync(search, CustomerContext.Of(context).CustomerId, context, venues, cancellationToken);

    private static async Task<IResult> SearchAsync(string? search, Guid? customerId, HttpContext context, VenueDirectory venues, CancellationToken cancellationToken)
    {
        var problems = new List<ApiErrorDetail>();
        var page = PageRequest.Parse(context.Request, problems);
        if (search is { Length: > 100 })
        {
            problems.Add(new ApiErrorDetail("search", "At most 100 characters."));
        }

        return problems.Count > 0
            ? ApiResults.ValidationFailed(context, problems)
            : ApiResults.Success(context, await venues.ListAsync(search, customerId, page, cancellationToken));
    }

    private static async Task<IResult> GetAsync(string venueId, HttpContext context, VenueDirectory venues, CancellationToken cancellationToken) =>
        await venues.GetPublicAsync(venueId, cancellationToken) is { } venue
            ? ApiResults.Success(context, venue)
            : ApiResults.Failure(context, StatusCodes.Status404NotFound, VenueErrors.NotFound());

    /// <summary>The venue filter has refused guest and player tokens of other venues already.</summary>
    private static async Task<IResult> SessionAsync(string venueId, HttpContext context, IGrainFactory grains)
    {
        var venue = VenueVisitor.Of(context);
        var caller = context.RequireCaller();
        if (caller.Kind is CallerKind.Guest or CallerKind.Player)
        {
            return ApiResults.Success(context, caller.Kind == CallerKind.Guest
                ? new VenueSession(venue.Slug, Roles.Guest, GuestCapabilities)
                : new VenueSession(venue.Slug, Roles.Player, PlayerCapabilities));
        }

        return await VenueHosts.MemberAtAsync(grains, caller, venue) is { } member
            ? ApiResults.Success(context, new VenueSession(venue.Slug, member.Role, [.. RolePermissions.For(member.Role).Order(StringComparer.Ordinal)]))
            : ApiResults.Success(context, new VenueSession(venue.Slug, Roles.Singer, PatronCapabilities));
    }

    private static async Task<IResult> CreateAsync(VenueRequest request, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var details = new VenueDetails(request.VenueId?.Trim().ToLowerInvariant(), request.Name, request.Timezone?.Trim(), request.Address);
        var problems = VenueRules.Check(details, creating: true);
        if (problems.Count > 0)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        var customer = CustomerContext.Of(context);
        var outcome = await grains.GetGrain<IVenueGrain>(Guid.NewGuid()).Create(new CreateVenue(customer.CustomerId, details, customer.Stamp(context)));
        return outcome.Error is { } error
            ? DomainRefusals.ToResult(context, error)
            : ApiResults.Success(context, HostVenue.From(outcome.Value!), StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(string venueId, VenueRequest request, HttpContext context, IGrainFactory grains)
    {
        var customer = CustomerContext.Of(context);
        var venue = OwnedVenue.Of(context);
        var changes = new VenueDetails(request.VenueId?.Trim().ToLowerInvariant(), request.Name, request.Timezone?.Trim(), request.Address);
        var problems = VenueRules.Check(changes, creating: false);
        if (problems.Count > 0)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        var outcome = await grains.GetGrain<IVenueGrain>(venue.Id).Update(new UpdateVenue(changes, customer.Stamp(context)));
        return outcome.Error is { } error ? DomainRefusals.ToResult(context, error) : ApiResults.Success(context, HostVenue.From(outcome.Value!));
    }

    private static async Task<IResult> DeleteAsync(string venueId, HttpContext context, IGrainFactory grains)
    {
        var customer = CustomerContext.Of(context);
        var outcome = await grains.GetGrain<IVenueGrain>(OwnedVenue.Of(context).Id).Delete(new DeleteVenue(customer.Stamp(context)));
        return outcome.Error is { } error
            ? DomainRefusals.ToResult(context, error)
            : ApiResults.Success(context, HostVenue.From(outcome.Value!), message: "Venue deleted.");
    }
}
