using Singr.Api.Access;
using Singr.Api.Auth;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;
using Orleans;

namespace Singr.Api.Queue;

/// <summary>
/// <c>/v1/venues/{venueId}/player</c>: the lease-holding player reports its state (the truth about what plays) and
/// picks up host commands; hosts read the mirror, send commands and hand the lease to a standby device.
/// </summary>
public static class PlayerAuthorityEndpoints
{
    public static IEndpointRouteBuilder MapPlayerAuthorityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var player = endpoints.MapGroup("/v1/venues/{venueId}/player").WithTags("Player");
        player.MapPost("/state", ReportAsync)
            .WithSummary("The player's state report and heartbeat; the reply carries corrections and pending host commands")
            .ProducesEnvelope<PlayerReportReply>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireVenueVisitor();

        player.MapPost("/queue-snapshot", SnapshotAsync)
            .WithSummary("player:queue_snapshot over HTTP: the songs the player finished while offline, songs added at it, its state now")
            .WithDescription("The player wins about what played (each record once, by its key); what patrons asked for meanwhile stays queued. Announced as queue:reconcile.")
            .ProducesEnvelope<PlayerSnapshotReply>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireRateLimiting(RateLimitPolicies.CustomerApi)
            .RequireVenueVisitor();

        // The host's side, under the organisation API's limit; the player's own report (above) has none, as a heartbeat must never be refused.
        var hosting = player.MapGroup(string.Empty).RequireRateLimiting(RateLimitPolicies.CustomerApi);
        hosting.MapGet("/", GetAsync)
            .WithSummary("The server's mirror of the player: status (online, playing, paused, offline), lease, now playing")
            .ProducesEnvelope<PlayerState>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireCustomerPermission(Permissions.RequestsRead)
            .RequireOwnedVenue();
        hosting.MapPost("/commands", CommandAsync)
            .WithSummary("A host command for the player: play, pause, skip, volume, seek")
            .ProducesEnvelope<PlayerCommand>(StatusCodes.Status201Created)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireCustomerPermission(Permissions.RequestsProcess)
            .RequireOwnedVenue();
        hosting.MapPost("/lease", HandOverAsync)
            .WithSummary("Hand the player lease to another paired device (a standby)")
            .ProducesEnvelope<PlayerState>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireCustomerPermission(Permissions.SystemsWrite)
            .RequireOwnedVenue();
        return endpoints;
    }

    private static async Task<IResult> ReportAsync(string venueId, PlayerStateBody body, HttpContext context, IGrainFactory grains)
    {
        var caller = context.RequireCaller();
        if (caller.Kind != CallerKind.Player || !Guid.TryParse(caller.Subject, out var playerId))
        {
            return ApiResults.Failure(context, StatusCodes.Status403Forbidden, AccessErrors.PlayerRequired());
        }

        var report = body.ToReport(playerId, context.User.FindFirst(SingrClaims.DeviceId)?.Value ?? string.Empty);
        if (PlayerReportRules.Check(report) is { Count: > 0 } problems)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        return DomainRefusals.Result(context, await grains.GetGrain<IVenuePlayerGrain>(VenueVisitor.Of(context).Id).ReportPlayerState(report));
    }

    private static async Task<IResult> SnapshotAsync(string venueId, PlayerQueueSnapshotBody body, HttpContext context, IGrainFactory grains)
    {
        var caller = context.RequireCaller();
        if (caller.Kind != CallerKind.Player || !Guid.TryParse(caller.Subject, out var playerId))
        {
            return ApiResults.Failure(context, StatusCodes.Status403Forbidden, AccessErrors.PlayerRequired());
        }

        var snapshot = body.ToSnapshot(playerId, context.User.FindFirst(SingrClaims.DeviceId)?.Value ?? string.Empty, caller.Stamp(context, Roles.Player));
        if (PlayerQueueSnapshotRules.Check(snapshot) is { Count: > 0 } problems)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        return DomainRefusals.Result(context, await grains.GetGrain<IVenuePlayerGrain>(VenueVisitor.Of(context).Id).ReconcilePlayerQueue(snapshot));
    }

    private static async Task<IResult> GetAsync(string venueId, HttpContext context, IGrainFactory grains) =>
        await grains.GetGrain<IVenuePlayerGrain>(OwnedVenue.Of(context).Id).GetPlayerState() is { } state
            ? ApiResults.Success(context, state)
            : ApiResults.Failure(context, StatusCodes.Status404NotFound, VenueErrors.NotFound());

    private static async Task<IResult> CommandAsync(string venueId, PlayerCommandBody body, HttpContext context, IGrainFactory grains)
    {
        if (body.Check() is { Count: > 0 } problems)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        var command = new IssuePlayerCommand(body.Command!, body.Number, CustomerContext.Of(context).Stamp(context), body.Quality);
        return DomainRefusals.Result(context, await grains.GetGrain<IVenuePlayerGrain>(OwnedVenue.Of(context).Id).IssuePlayerCommand(command), StatusCodes.Status201Created);
    }

    private static async Task<IResult> HandOverAsync(string venueId, LeaseBody body, HttpContext context, IGrainFactory grains)
    {
        if (body.PlayerId is not { } playerId)
        {
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail("playerId", "The paired player to hand the lease to.")]);
        }

        var command = new HandOverLease(playerId, CustomerContext.Of(context).Stamp(context));
        return DomainRefusals.Result(context, await grains.GetGrain<IVenuePlayerGrain>(OwnedVenue.Of(context).Id).HandOverLease(command));
    }
}
