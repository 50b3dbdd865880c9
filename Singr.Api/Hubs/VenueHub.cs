using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Singr.Api.Access;
using Singr.Api.Auth;
using Singr.Api.Queue;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Quotas;
using Orleans;

namespace Singr.Api.Hubs;

/// <summary>
/// <c>/hubs/venue</c>: a venue room for kiosks, phones, dashboards and the player. Joining sends the venue's state (or
/// the events missed since <c>lastSeq</c>), then every event in order; player commands go only to the lease holder.
/// </summary>
[Authorize]
public sealed class VenueHub(LiveConnections connections, VenueFeeds feeds, VenueDirectory venues, IGrainFactory grains, Microsoft.Extensions.Options.IOptions<SingrHubOptions> options)
    : Hub
{
    public const string Path = "/hubs/venue";
    public const string Name = "venue";

    public override Task OnConnectedAsync()
    {
        var caller = Caller.From(Context.User!) ?? throw HubErrors.Refused(Http.ApiErrors.Unauthorized, "A valid access token is required.");
        connections.Add(new LiveConnection(Name, Context, Clients.Caller, caller, options.Value.SendBufferEvents, options.Value.InvocationsPerSecond));
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception) => connections.RemoveAsync(Context.ConnectionId);

    public async Task<VenueJoin> JoinVenue(string venueId, long? lastSeq)
    {
        var connection = Current();
        var venue = await venues.FindBySlugAsync(venueId, Context.ConnectionAborted)
            ?? throw HubErrors.Refused(DomainErrors.VenueNotFound, "No venue has this id.");
        if (!VenueVisitor.Admits(connection.Caller, venue))
        {
            throw HubErrors.Refused("VENUE_MISMATCH", "This token is good for another venue only.");
        }

        if (connection.Caller.Kind != CallerKind.Player)
        {
            connection.Send("initial_data", await feeds.InitialDataAsync(connection.Caller, venue.Id, venue.Slug));
        }

        return await feeds.FollowAsync(connection, venue.Id, venue.Slug, lastSeq, feeds.ForVenueRoom(connection.Caller, venue), Context.ConnectionAborted);
    }

    public async Task LeaveVenue(string venueId)
    {
        var connection = Current();
        if (await venues.FindBySlugAsync(venueId, Context.ConnectionAborted) is { } venue)
        {
            await connection.UnsubscribeAsync(VenueEvents.StreamIdFor(venue.Id));
        }
    }

    /// <summary>
    /// The book requests' <c>refresh_quota</c>: the caller's allowance at the venue now, returned and sent as
    /// <c>quota_update</c>. For patrons (a guest at their venue, or an account).
    /// </summary>
    public async Task<RequestQuota> RefreshQuota(string venueId)
    {
        var connection = Current();
        var venue = await venues.FindBySlugAsync(venueId, Context.ConnectionAborted)
            ?? throw HubErrors.Refused(DomainErrors.VenueNotFound, "No venue has this id.");
        if (!VenueVisitor.Admits(connection.Caller, venue) || PatronKeys.Of(connection.Caller) is not { } patronKey)
        {
            throw HubErrors.Refused("PATRON_REQUIRED", "Only a patron at this venue has an allowance here.");
        }

        var quota = await grains.GetGrain<IVenueQuotaGrain>(venue.Id).GetQuota(patronKey, connection.Caller.UserId)
            ?? throw HubErrors.Refused(DomainErrors.VenueNotFound, "No venue has this id.");
        connection.Send("quota_update", await feeds.QuotaUpdateAsync(connection.Caller, venue.Slug, seq: null, quota));
        return quota;
    }

    /// <summary>The player's state report over the hub: the same rules and lease checks as the HTTP endpoint.</summary>
    public async Task<PlayerReportReply> ReportState(string venueId, PlayerStateBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var (venue, playerId) = await PlayerAtAsync(venueId);
        var report = body.ToReport(playerId, DeviceId());
        if (PlayerReportRules.Check(report) is { Count: > 0 } problems)
        {
            throw HubErrors.Invalid(problems);
        }

        var outcome = await grains.GetGrain<IVenuePlayerGrain>(venue.Id).ReportPlayerState(report);
        return outcome.Value ?? throw HubErrors.Refused(outcome.Error!, "This device does not hold the venue's player lease.");
    }

    /// <summary>The player back from an outage: the same rules and lease checks as <c>POST …/player/queue-snapshot</c>.</summary>
    [HubMethodName("player:queue_snapshot")]
    public async Task<PlayerSnapshotReply> QueueSnapshot(string venueId, PlayerQueueSnapshotBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var (venue, playerId) = await PlayerAtAsync(venueId);
        var snapshot = body.ToSnapshot(playerId, DeviceId(), Current().Caller.Stamp(Context.GetHttpContext()!, Roles.Player));
        if (PlayerQueueSnapshotRules.Check(snapshot) is { Count: > 0 } problems)
        {
            throw HubErrors.Invalid(problems);
        }

        var outcome = await grains.GetGrain<IVenuePlayerGrain>(venue.Id).ReconcilePlayerQueue(snapshot);
        return outcome.Value ?? throw HubErrors.Refused(outcome.Error!, "This device does not hold the venue's player lease.");
    }

    /// <summary>The venue and the paired player calling; refused for anyone else.</summary>
    private async Task<(VenueRef Venue, Guid PlayerId)> PlayerAtAsync(string venueId)
    {
        var caller = Current().Caller;
        var venue = await venues.FindBySlugAsync(venueId, Context.ConnectionAborted);
        if (caller.Kind != CallerKind.Player || venue is null || caller.VenueId != venue.Id || !Guid.TryParse(caller.Subject, out var playerId))
        {
            throw HubErrors.Refused("PLAYER_REQUIRED", "Only the venue's paired player reports its state.");
        }

        return (venue, playerId);
    }

    private string DeviceId() => Context.User!.FindFirst(SingrClaims.DeviceId)?.Value ?? string.Empty;

    private LiveConnection Current() => connections.ForCall(Context.ConnectionId);
}
