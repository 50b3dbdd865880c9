using Singr.Api.Access;
using Singr.Api.Http;
using Singr.Api.Hubs;
using Singr.Api.RateLimiting;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Accounts;
using Singr.Grains.Interfaces.Requests;
using Orleans;

namespace Singr.Api.Requests;

/// <summary>
/// The approval workflow of venues that approve requests: hosts claim (<c>accept</c>), answer (<c>respond</c>) and
/// mark sung (<c>fulfill</c>) requests of their organisation's venues; the requesting patron replies once to the
/// answer. The venue grain holds the rules; a refusal that depends on where the request stands names its status.
/// </summary>
public static class RequestApprovalEndpoints
{
    public static IEndpointRouteBuilder MapRequestApprovalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var requests = endpoints.MapGroup("/v1/customer/requests").WithTags("Requests").RequireRateLimiting(RateLimitPolicies.CustomerApi);
        requests.MapPost("/{id}/accept", AcceptAsync)
            .WithSummary("Claim a request awaiting approval, so the team knows who answers it")
            .WithDescription("409 REQUEST_ALREADY_ACCEPTED when another host claimed it; 409 REQUEST_STATUS_CONFLICT (details: its status) once it is answered.")
            .ProducesEnvelope<RequestView>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireCustomerPermission(Permissions.RequestsProcess)
            .RequireOrganisationRequest();
        requests.MapPost("/{id}/respond", RespondAsync)
            .WithSummary("Approve a request (it joins the queue) or reject it (held credits and quota go back), with a message to the patron")
            .WithDescription("409 REQUEST_STATUS_CONFLICT (details: its status) unless the request is pending.")
            .ProducesEnvelope<RequestView>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireCustomerPermission(Permissions.RequestsProcess)
            .RequireOrganisationRequest();
        requests.MapPost("/{id}/fulfill", FulfillAsync)
            .WithSummary("Mark an approved request sung")
            .WithDescription("409 REQUEST_STATUS_CONFLICT (details: its status) unless the request is approved.")
            .ProducesEnvelope<RequestView>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireCustomerPermission(Permissions.RequestsProcess)
            .RequireOrganisationRequest();
        endpoints.MapPost("/v1/venues/{venueId}/requests/{id}/reply", ReplyAsync)
            .WithTags("Requests")
            .WithSummary("The requesting patron's one reply to the host's answer")
            .WithDescription("Only the patron who made the request (anyone else: 404); only once the host has answered and never to a rejection (409 REQUEST_STATUS_CONFLICT); once (409 REPLY_ALREADY_SENT).")
            .ProducesEnvelope<RequestView>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireRateLimiting(RateLimitPolicies.PublicVenues)
            .RequireVenueVisitor();
        return endpoints;
    }

    private static async Task<IResult> AcceptAsync(string id, HttpContext context, IGrainFactory grains)
    {
        var (request, customer) = (OrganisationRequest.Of(context), CustomerContext.Of(context));
        var command = new AcceptRequest(request.RequestId, await HostOfAsync(customer, grains), customer.Stamp(context));
        return RequestOutcomes.Result(context, await grains.GetGrain<IVenueRequestsGrain>(request.Venue.Id).Accept(command));
    }

    private static async Task<IResult> RespondAsync(string id, RespondBody body, HttpContext context, IGrainFactory grains)
    {
        if (body.Check() is { Count: > 0 } problems)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        var (request, customer) = (OrganisationRequest.Of(context), CustomerContext.Of(context));
        var command = new RespondToRequest(request.RequestId, body.Status!, body.MessageToPatron, await HostOfAsync(customer, grains), customer.Stamp(context));
        return RequestOutcomes.Result(context, await grains.GetGrain<IVenueRequestsGrain>(request.Venue.Id).Respond(command));
    }

    private static async Task<IResult> FulfillAsync(string id, HttpContext context, IGrainFactory grains)
    {
        var (request, customer) = (OrganisationRequest.Of(context), CustomerContext.Of(context));
        var outcome = await grains.GetGrain<IVenueRequestsGrain>(request.Venue.Id).Fulfill(new FulfillRequest(request.RequestId, customer.Stamp(context)));
        return RequestOutcomes.Result(context, outcome);
    }

    private static async Task<IResult> ReplyAsync(string venueId, string id, ReplyBody body, HttpContext context, IGrainFactory grains)
    {
        var message = body.Message?.Trim();
        if (string.IsNullOrEmpty(message) || message.Length > ReplyToRequest.MaxMessageLength)
        {
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail("message", $"A reply of 1 to {ReplyToRequest.MaxMessageLength} characters.")]);
        }

        // Only patrons make requests; a player credential has none of its own, so no request of this id is its to answer.
        if (!Guid.TryParse(id, out var requestId) || PatronKeys.Of(context.RequireCaller()) is not { } patronKey)
        {
            return DomainRefusals.ToResult(context, DomainErrors.RequestNotFound);
        }

        var venue = VenueVisitor.Of(context);
        var outcome = await grains.GetGrain<IVenueRequestsGrain>(venue.Id).Reply(new ReplyToRequest(requestId, patronKey, message));
        return RequestOutcomes.Result(context, outcome);
    }

    /// <summary>
    /// The host as patrons and the team see them: their singer nickname, else their account's name, as it is now.
    /// Looked up before the venue's turn rather than in it, so the venue is not held waiting on the host's account.
    /// </summary>
    private static async Task<HostIdentity> HostOfAsync(CustomerContext customer, IGrainFactory grains)
    {
        var profile = customer.Caller.Email is { } email ? await grains.GetGrain<IAccountGrain>(AccountEmail.Normalize(email)).GetProfile() : null;
        var name = profile?.Nickname ?? profile?.Name;
        return new HostIdentity(customer.Member.UserId, string.IsNullOrWhiteSpace(name) ? customer.Member.Name : name);
    }
}
