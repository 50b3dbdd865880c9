using System.Text.Json;
using System.Text.Json.Nodes;
using Singr.Api.Access;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Runtime;
using Singr.Silo.Streams;

namespace Singr.Api.Hubs;

/// <summary>
/// Connects a live connection to a venue's event stream: from a sequence number it has (resume: every missed event
/// once, in order), or from a fresh <c>venueState</c> when it has none or its events were pruned.
/// </summary>
public sealed class VenueFeeds(IEventStreams streams, IGrainFactory grains)
{
    /// <summary>Follows the venue for <paramref name="connection"/>, sending each event through <paramref name="map"/>.</summary>
    public async Task<VenueJoin> FollowAsync(
        LiveConnection connection,
        Guid venueId,
        string slug,
        long? lastSeq,
        Func<StreamEvent, (string Method, JsonElement Payload)?> map,
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
            (streamEvent, _) =>
            {
                if (map(streamEvent) is { } outgoing)
                {
                    connection.Send(outgoing.Method, outgoing.Payload);
                }

                return Task.CompletedTask;
            },
            cancellationToken);
        await connection.ReplaceSubscriptionAsync(streamId, subscription);
        return new VenueJoin(slug, from.Value, resumeFrom is not null);
    }

    /// <summary>The venue's events as they are, except a player command, which only the lease holder's player sees.</summary>
    public static Func<StreamEvent, (string, JsonElement)?> ForVenueRoom(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return streamEvent =>
        {
            var payload = JsonDocument.Parse(streamEvent.PayloadJson).RootElement.Clone();
            if (streamEvent.EventType == VenueEvents.PlayerCommand
                && (caller.Kind != CallerKind.Player || payload.GetProperty("holder").ToString() != caller.Subject))
            {
                return null;
            }

            return (streamEvent.EventType, payload);
        };
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
