using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Singr.Api.Access;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Customers;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Requests;
using Orleans;
using Singr.Silo.Streams;

namespace Singr.Api.Hubs;

/// <summary>
/// <c>/hubs/customer</c>: a host dashboard follows every venue of its active organisation and gets
/// <c>request:new</c> and <c>request:update</c> (the Singr customer dashboard's events) with each venue's sequence.
/// </summary>
[Authorize]
public sealed class CustomerHub(LiveConnections connections, VenueFeeds feeds, VenueDirectory venues, IGrainFactory grains, IOptions<SingrHubOptions> options)
    : Hub
{
    public const string Path = "/hubs/customer";
    public const string Name = "customer";

    /// <summary>Every dashboard of the organisation gets the same messages for an event: built once per process.</summary>
    private static readonly ConditionalWeakTable<StreamEvent, IReadOnlyList<Outgoing>> DashboardMessages = [];

    public override async Task OnConnectedAsync()
    {
        var caller = Caller.From(Context.User!);
        if (caller is not { Kind: CallerKind.Account, UserId: { } userId, ActiveCustomerId: { } customerId }
            || await grains.GetGrain<ICustomerGrain>(customerId).GetMember(userId) is not { } member
            || !RolePermissions.Grants(member.Role, Permissions.RequestsRead))
        {
            throw HubErrors.Refused("CUSTOMER_CONTEXT_REQUIRED", "A host account acting for an organisation, with requests:read, is required.");
        }

        var connection = new LiveConnection(Name, Context, Clients.Caller, caller, options.Value.SendBufferEvents, options.Value.InvocationsPerSecond);
        connections.Add(connection);
        var followed = await SendPendingCountsAsync(connection, customerId, async (venue, counts) => await
            feeds.FollowAsync(connection, venue.Id, venue.Slug, counts.Seq, RequestEvents(venue), Context.ConnectionAborted));

        // Last, so a dashboard that acts on "connected" misses nothing: every venue is followed by then.
        connection.Send("connected", JsonSerializer.SerializeToElement(new CustomerConnected(Context.ConnectionId, followed), JsonSerializerOptions.Web));
    }

    /// <summary>The book requests' <c>refresh_pending</c>: every venue's counts again, as <c>pending_count_update</c>.</summary>
    public async Task RefreshPending()
    {
        var connection = connections.ForCall(Context.ConnectionId);
        await SendPendingCountsAsync(connection, connection.Caller.ActiveCustomerId!.Value, (_, _) => Task.CompletedTask);
    }

    /// <summary>Sends each live venue's counts of the organisation, then does <paramref name="then"/> with it.</summary>
    /// <returns>How many venues there were.</returns>
    private async Task<int> SendPendingCountsAsync(LiveConnection connection, Guid customerId, Func<VenueRef, QueueCounts, Task> then)
    {
        var organisationVenues = await venues.OfOrganisationAsync(customerId, Context.ConnectionAborted);
        foreach (var venue in organisationVenues)
        {
            if (await grains.GetGrain<IVenueQueueGrain>(venue.Id).GetCounts() is { } counts)
            {
                connection.Send("pending_count_update", PendingCount(counts.Seq, venue.Slug, counts.Queued, counts.AwaitingApproval));
                await then(venue, counts);
            }
        }

        return organisationVenues.Count;
    }

    public override Task OnDisconnectedAsync(Exception? exception) => connections.RemoveAsync(Context.ConnectionId);

    /// <summary>
    /// Queue inserts and new requests awaiting approval become <c>request:new</c>; queue updates and every other
    /// change of a request (answers, replies, processing, deletion) <c>request:update</c>, with what happened as
    /// <c>action</c>; every change a <c>pending_count_update</c> for the venue's team; and the player's state.
    /// </summary>
    private static Func<StreamEvent, ValueTask<IReadOnlyList<Outgoing>>> RequestEvents(VenueRef venue) =>
        streamEvent => ValueTask.FromResult(DashboardMessages.GetValue(streamEvent, e => ToDashboardMessages(e, venue)));

    private static List<Outgoing> ToDashboardMessages(StreamEvent streamEvent, VenueRef venue)
    {
        var payload = JsonNode.Parse(streamEvent.PayloadJson)!.AsObject();
        var messages = new List<Outgoing>();
        var action = payload["action"]?.GetValue<string>();
        if (streamEvent.EventType == VenueEvents.RequestUpdate && action == RequestActions.UpNext)
        {
            // For the patron, who should get ready; the team sees the queue itself.
            return messages;
        }

        var method = streamEvent.EventType switch
        {
            VenueEvents.QueueInsert => "request:new",
            VenueEvents.QueueUpdate => "request:update",
            VenueEvents.RequestUpdate when action == RequestActions.Created => "request:new",
            VenueEvents.RequestUpdate => "request:update",
            _ => null,
        };
        var request = (payload["item"] ?? payload["request"]) as JsonObject;
        if (method is not null && (request is not null || payload["ids"] is not null))
        {
            var outgoing = new JsonObject { ["seq"] = streamEvent.Sequence, ["venueId"] = venue.Slug };
            if (action is not null)
            {
                outgoing["action"] = action;
            }

            if (request is not null)
            {
                outgoing["request"] = DashboardRequest(request, venue);
            }

            if (payload["ids"] is { } ids)
            {
                outgoing["ids"] = ids.DeepClone();
            }

            messages.Add(new Outgoing(method, JsonSerializer.SerializeToElement(outgoing, JsonSerializerOptions.Web)));
        }

        if (streamEvent.EventType == VenueEvents.PlayerStateUpdate)
        {
            // The venue's player as the room sees it (playing, paused, online, offline), so a dashboard never shows a
            // silent player as playing.
            messages.Add(new Outgoing(VenueEvents.PlayerStateUpdate, JsonSerializer.SerializeToElement(payload, JsonSerializerOptions.Web)));
        }

        if (payload["pendingCount"]?.GetValue<int>() is { } pendingCount)
        {
            messages.Add(new Outgoing("pending_count_update", PendingCount(
                streamEvent.Sequence, venue.Slug, pendingCount, payload["awaitingApproval"]?.GetValue<int>() ?? 0)));
        }

        return messages;
    }

    /// <summary>
    /// The event's request as written (a room's <c>QueueItem</c> or a hosts' <c>RequestView</c>, whose shared fields
    /// have the same names), named by the venue's slug and name: events written before requests carried them name the
    /// venue by its internal id.
    /// </summary>
    private static JsonObject DashboardRequest(JsonObject request, VenueRef venue)
    {
        var named = request.DeepClone().AsObject();
        named["venueId"] = venue.Slug;
        named["venueName"] = venue.Name;
        return named;
    }

    /// <param name="pendingCount">Requests in the queue.</param>
    /// <param name="awaitingApproval">Requests awaiting a host's answer.</param>
    private static JsonElement PendingCount(long seq, string slug, int pendingCount, int awaitingApproval) =>
        JsonSerializer.SerializeToElement(new { seq, venueId = slug, pendingCount, awaitingApproval }, JsonSerializerOptions.Web);
}
