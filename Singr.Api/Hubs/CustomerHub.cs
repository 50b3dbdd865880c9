using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Singr.Api.Access;
using Singr.Api.Http;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Customers;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Runtime;
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
        var organisationVenues = await venues.ListAsync(null, customerId, new PageRequest(1, PageRequest.MaxLimit), Context.ConnectionAborted);
        connection.Send("connected", JsonSerializer.SerializeToElement(new CustomerConnected(Context.ConnectionId, organisationVenues.Items.Count), JsonSerializerOptions.Web));
        foreach (var venue in organisationVenues.Items)
        {
            if (await venues.FindBySlugAsync(venue.VenueId, Context.ConnectionAborted) is { } found
                && await grains.GetGrain<IVenueQueueGrain>(found.Id).GetQueue() is { } snapshot)
            {
                connection.Send("pending_count_update", PendingCount(snapshot.Seq, found.Slug, snapshot.Items.Count));
                await feeds.FollowAsync(connection, found.Id, found.Slug, snapshot.Seq, RequestEvents(found), Context.ConnectionAborted);
            }
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception) => connections.RemoveAsync(Context.ConnectionId);

    /// <summary>
    /// Queue inserts become <c>request:new</c>, queue updates <c>request:update</c> (the dashboard's events), and every
    /// queue change a <c>pending_count_update</c> for the venue's team.
    /// </summary>
    private static Func<StreamEvent, ValueTask<IReadOnlyList<Outgoing>>> RequestEvents(VenueRef venue) =>
        streamEvent => ValueTask.FromResult(DashboardMessages.GetValue(streamEvent, e => ToDashboardMessages(e, venue)));

    private static List<Outgoing> ToDashboardMessages(StreamEvent streamEvent, VenueRef venue)
    {
        var payload = JsonNode.Parse(streamEvent.PayloadJson)!.AsObject();
        var messages = new List<Outgoing>();
        var method = streamEvent.EventType switch
        {
            VenueEvents.QueueInsert => "request:new",
            VenueEvents.QueueUpdate => "request:update",
            _ => null,
        };
        if (method is not null && payload["item"] is JsonObject item)
        {
            var request = new JsonObject
            {
                ["id"] = item["id"]?.DeepClone(),
                ["venueId"] = venue.Slug,
                ["venueName"] = venue.Name,
                ["artist"] = item["artist"]?.DeepClone(),
                ["title"] = item["title"]?.DeepClone(),
                ["keyChange"] = item["keyChange"]?.DeepClone(),
                ["notes"] = item["notes"]?.DeepClone(),
                ["singerName"] = item["singerName"]?.DeepClone(),
                ["requestedBy"] = item["requestedByName"]?.DeepClone(),
                ["requestedAt"] = item["createdAt"]?.DeepClone(),
                ["status"] = item["status"]?.DeepClone(),
            };
            var outgoing = new JsonObject { ["seq"] = streamEvent.Sequence, ["venueId"] = venue.Slug, ["request"] = request };
            messages.Add(new Outgoing(method, JsonSerializer.SerializeToElement(outgoing, JsonSerializerOptions.Web)));
        }

        if (payload["pendingCount"]?.GetValue<int>() is { } pendingCount)
        {
            messages.Add(new Outgoing("pending_count_update", PendingCount(streamEvent.Sequence, venue.Slug, pendingCount)));
        }

        return messages;
    }

    private static JsonElement PendingCount(long seq, string slug, int pendingCount) =>
        JsonSerializer.SerializeToElement(new { seq, venueId = slug, pendingCount }, JsonSerializerOptions.Web);
}
