using System.Runtime.CompilerServices;
using System.Text.Json;
using Singr.Api.Access;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Quotas;
using Orleans;
using Singr.Grains.Interfaces.Wallets;
using Singr.Silo.Streams;

namespace Singr.Api.Hubs;

/// <summary>
/// Connects a live connection to a venue's event stream: from a sequence number it has (resume: every missed event
/// once, in order), or from a fresh <c>venueState</c> when it has none or its events were pruned.
/// </summary>
public sealed class VenueFeeds(IEventStreams streams, IGrainFactory grains, Operations.SingrMetrics metrics)
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
                    if (connection.Send(outgoing.Method, outgoing.Payload))
                    {
                        metrics.EventDelivered(connection.Hub);
                    }
                }
            },
            cancellationToken);
        await connection.ReplaceSubscriptionAsync(streamId, subscription);
        return new VenueJoin(slug, from.Value, resumeFrom is not null);
    }

    /// <summary>
    /// A venue room's view of the stream: every queue and player event, except that a player command reaches only the
    /// lease holder's player. A patron also gets their own requests' changes as <c>request:update</c> (the host's
    /// answers included: those reach nobody else in the room) and, after each, a <c>quota_update</c> with their credits
    /// and request allowance. The patron key that tells them apart never leaves the server.
    /// </summary>
    public Func<StreamEvent, ValueTask<IReadOnlyList<Outgoing>>> ForVenueRoom(Caller caller, VenueRef venue)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(venue);
        var patronKey = PatronKeys.Of(caller);
        return async streamEvent =>
        {
            var parsed = Parsed.GetValue(streamEvent, Parse);
            var mine = parsed.PatronKey is not null && parsed.PatronKey == patronKey;
            switch (streamEvent.EventType)
            {
                case VenueEvents.PlayerCommand when caller.Kind != CallerKind.Player || parsed.CommandHolder != caller.Subject:
                    return [];
                case VenueEvents.RequestUpdate when !mine:
                    return [];
                case VenueEvents.RequestUpdate:
                    return [new Outgoing("request:update", parsed.Payload), await QuotaUpdateAsync(caller, venue.Slug, streamEvent.Sequence, parsed.Quota)];
                case VenueEvents.QuotaUpdate when mine:
                    return [await QuotaUpdateAsync(caller, venue.Slug, streamEvent.Sequence, parsed.Quota)];
                case VenueEvents.QuotaUpdate when parsed.PolicyChanged && patronKey is not null:
                    var quota = await grains.GetGrain<IVenueQuotaGrain>(venue.Id).GetQuota(patronKey, caller.UserId);
                    return [await QuotaUpdateAsync(caller, venue.Slug, streamEvent.Sequence, JsonSerializer.SerializeToElement(quota, JsonSerializerOptions.Web))];
                case VenueEvents.QuotaUpdate:
                    return [];
            }

            if (!mine)
            {
                return [new Outgoing(streamEvent.EventType, parsed.Payload)];
            }

            var messages = new List<Outgoing> { new(streamEvent.EventType, parsed.Payload) };
            if (streamEvent.EventType == VenueEvents.QueueUpdate)
            {
                messages.Add(new Outgoing("request:update", parsed.Payload));
            }

            messages.Add(await QuotaUpdateAsync(caller, venue.Slug, streamEvent.Sequence, parsed.Quota));
            return messages;
        };
    }

    /// <summary><c>quota_update</c>: the patron's credits (an account's or a guest's wallet) and, when the event carried it, their request allowance.</summary>
    private async Task<Outgoing> QuotaUpdateAsync(Caller caller, string slug, long seq, JsonElement? quota) =>
        new("quota_update", await QuotaUpdateAsync(caller, slug, seq, (object?)quota));

    /// <param name="seq">The event it follows; null when the patron asked for it.</param>
    public async Task<JsonElement> QuotaUpdateAsync(Caller caller, string slug, long? seq, object? quota)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var credits = Wallets.WalletOwner.Of(caller) is { } walletId ? await grains.GetGrain<ICreditWalletGrain>(walletId).GetBalance() : null;
        return JsonSerializer.SerializeToElement(new { seq, venueId = slug, credits, quota }, JsonSerializerOptions.Web);
    }

    private static ParsedEvent Parse(StreamEvent streamEvent)
    {
        if (streamEvent.Audience is null && streamEvent.PayloadJson.Contains("\"patronKey\"", StringComparison.Ordinal))
        {
            return ParseWrittenBeforeAudiences(streamEvent);
        }

        using var payload = JsonDocument.Parse(streamEvent.PayloadJson);
        var root = payload.RootElement;
        JsonElement? quota = null;
        if (streamEvent.AudiencePayloadJson is { } own)
        {
            using var audiencePart = JsonDocument.Parse(own);
            if (audiencePart.RootElement.TryGetProperty("quota", out var ownQuota) && ownQuota.ValueKind != JsonValueKind.Null)
            {
                quota = ownQuota.Clone();
            }
        }

        return new ParsedEvent(
            root.Clone(),
            streamEvent.Audience,
            root.TryGetProperty("holder", out var holder) && holder.ValueKind != JsonValueKind.Null ? holder.ToString() : null,
            quota,
            root.TryGetProperty("policyChanged", out var changed) && changed.ValueKind == JsonValueKind.True);
    }

    /// <summary>
    /// An event written before migration 0009 (still in the stream, and a resuming client may read it) carried its
    /// patron's key and allowance inside the payload: they are taken out here so that nobody else is sent them.
    /// </summary>
    private static ParsedEvent ParseWrittenBeforeAudiences(StreamEvent streamEvent)
    {
        var payload = System.Text.Json.Nodes.JsonNode.Parse(streamEvent.PayloadJson)!.AsObject();
        payload.Remove("patronKey", out var patronKey);
        payload.Remove("quota", out var quota);
        var audiencePart = quota is null ? null : JsonSerializer.Serialize(new { quota }, JsonSerializerOptions.Web);
        return Parse(streamEvent with
        {
            PayloadJson = payload.ToJsonString(),
            Audience = patronKey?.GetValue<string>(),
            AudiencePayloadJson = audiencePart,
        });
    }

    /// <summary>
    /// What a patron sees on joining: their requests waiting here (awaiting approval included), their request
    /// allowance, and their credits.
    /// </summary>
    public async Task<JsonElement> InitialDataAsync(Caller caller, Guid venueId, string slug)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var key = PatronKeys.Of(caller);
        var pending = key is not null ? await grains.GetGrain<IVenueQueueGrain>(venueId).GetPendingFor(key) : [];
        var quota = key is not null ? await grains.GetGrain<IVenueQuotaGrain>(venueId).GetQuota(key, caller.UserId) : null;
        var credits = Wallets.WalletOwner.Of(caller) is { } walletId ? await grains.GetGrain<ICreditWalletGrain>(walletId).GetBalance() : null;
        return JsonSerializer.SerializeToElement(new { venueId = slug, credits, quota, pendingRequests = pending }, JsonSerializerOptions.Web);
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
        var current = (await grains.GetGrain<IVenueQueueGrain>(venueId).GetCounts())?.Seq ?? 0;
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
