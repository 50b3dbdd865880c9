using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Singr.Api.Access;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Runtime;
using Singr.Grains.Interfaces.Wallets;
using Singr.Silo.Streams;

namespace Singr.Api.Hubs;

/// <summary>
/// Connects a live connection to a venue's event stream: from a sequence number it has (resume: every missed event
/// once, in order), or from a fresh <c>venueState</c> when it has none or its events were pruned.
/// </summary>
public sealed class VenueFeeds(IEventStreams streams, IGrainFactory grains)
{
    /// <summary>
    /// Every follower of a stream in this process is offered the same event instance, so it is parsed once here, not
    /// once per connection (which costs dearly with thousands of connections in one room).
    /// </summary>
    private static readonly ConditionalWeakTable<StreamEvent, ParsedEvent> Parsed = [];

    /// <summary>Follows the venue for <paramref name="connection"/>, sending each event through <paramref name="map"/>.</summary>
    public async Task<VenueJoin> FollowAsync(
        LiveConnection connection,
        Guid venueId,
        string slug,
        long? lastSeq,
        Func<StreamEvent, ValueTask<IReadOnlyList<Outgoing>>> map,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var streamId = VenueEvents.StreamIdFor(venueId);
        var resumeFrom = lastSeq is { } seq ? await ResumableFromAsync(venueId, streamId, seq, cancellationToken) : null;
        var from = resumeFrom;
        if (from is null)
        {
            var snapshot = await grains.GetGrain<IVenueQueueGrain>(venueId).GetQueue()
                ?? throw HubErrors.Refused("VENUE_NOT_FOUND", "No venue has this id.");
            connection.Send(VenueEvents.VenueState, VenueState(snapshot, slug));
            from = snapshot.Seq;
        }

        var subscription = await streams.SubscribeAsync(
            streamId,
            from.Value,
            async (streamEvent, _) =>
            {
                foreach (var outgoing in await map(streamEvent))
                {
                    connection.Send(outgoing.Method, outgoing.Payload);
                }
            },
            cancellationToken);
        await connection.ReplaceSubscriptionAsync(streamId, subscription);
        return new VenueJoin(slug, from.Value, resumeFrom is not null);
    }

    /// <summary>
    /// A venue room's view of the stream: every event, except that a player command reaches only the lease holder's
    /// player. The caller's own requests also come as <c>request:update</c>, with a <c>quota_update</c> of their
    /// credits; the patron key that tells them apart never leaves the server.
    /// </summary>
    public Func<StreamEvent, ValueTask<IReadOnlyList<Outgoing>>> ForVenueRoom(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var patronKey = PatronKeys.Of(caller);
        return async streamEvent =>
        {
            var parsed = Parsed.GetValue(streamEvent, Parse);
            if (streamEvent.EventType == VenueEvents.PlayerCommand && (caller.Kind != CallerKind.Player || parsed.CommandHolder != caller.Subject))
            {
                return [];
            }

            var message = parsed.Payload;
            if (parsed.PatronKey is null || parsed.PatronKey != patronKey)
            {
                return [new Outgoing(streamEvent.EventType, message)];
            }

            var messages = new List<Outgoing> { new(streamEvent.EventType, message) };
            if (streamEvent.EventType == VenueEvents.QueueUpdate)
            {
                messages.Add(new Outgoing("request:update", message));
            }

            if (caller.UserId is { } userId)
            {
                messages.Add(new Outgoing("quota_update", JsonSerializer.SerializeToElement(
                    new { seq = streamEvent.Sequence, credits = await grains.GetGrain<ICreditWalletGrain>(userId).GetBalance() }, JsonSerializerOptions.Web)));
            }

            return messages;
        };
    }

    private static ParsedEvent Parse(StreamEvent streamEvent)
    {
        var payload = JsonNode.Parse(streamEvent.PayloadJson)!.AsObject();
        payload.Remove("patronKey", out var patronKey);
        return new ParsedEvent(
            JsonSerializer.SerializeToElement(payload, JsonSerializerOptions.Web),
            patronKey?.ToString(),
            payload["holder"]?.ToString());
    }

    /// <summary>What a patron sees on joining: their requests waiting here, and their credits when they have an account.</summary>
    public async Task<JsonElement> InitialDataAsync(Caller caller, Guid venueId, string slug)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var pending = PatronKeys.Of(caller) is { } key ? await grains.GetGrain<IVenueQueueGrain>(venueId).GetPendingFor(key) : [];
        var credits = caller.UserId is { } userId ? await grains.GetGrain<ICreditWalletGrain>(userId).GetBalance() : null;
        return JsonSerializer.SerializeToElement(new { venueId = slug, credits, pendingRequests = pending }, JsonSerializerOptions.Web);
    }

    public static JsonElement VenueState(QueueSnapshot snapshot, string slug)
    {
        var node = JsonSerializer.SerializeToNode(snapshot, JsonSerializerOptions.Web)!.AsObject();
        node["venueId"] = slug;
        return JsonSerializer.SerializeToElement(node, JsonSerializerOptions.Web);
    }

    /// <returns><paramref name="lastSeq"/> when every event after it is still kept; null when a fresh state is needed.</returns>
    private async Task<long?> ResumableFromAsync(Guid venueId, string streamId, long lastSeq, CancellationToken cancellationToken)
    {
        var current = (await grains.GetGrain<IVenueQueueGrain>(venueId).GetQueue())?.Seq ?? 0;
        if (lastSeq < 0 || lastSeq > current)
        {
            return null;
        }

        if (lastSeq == current)
        {
            return lastSeq;
        }

        var next = await streams.ReadAsync(streamId, lastSeq, 1, cancellationToken);
        return next is [{ } first] && first.Sequence == lastSeq + 1 ? lastSeq : null;
    }
}
