using System.Text.Json;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Queue;

namespace Singr.Grains.Venues;

/// <summary>
/// What one turn of a venue changed besides its state: the events it raised (numbered in the venue's stream) and the
/// requests whose rows must follow the state. The turn's write takes both, so they commit with the state or not at all.
/// </summary>
public sealed class VenueTurn(VenueState venue)
{
    private readonly List<VenueEvent> _events = [];
    private readonly List<QueueEntry> _changedRequests = [];

    /// <summary>
    /// Numbers an event and keeps it for the turn's write. <paramref name="payload"/> is what everyone following the
    /// venue is sent; <paramref name="audience"/> (a patron key) also gets <paramref name="audiencePayload"/>, alone.
    /// </summary>
    public void Raise(string type, object payload, string? audience = null, object? audiencePayload = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        venue.EventSeq++;
        var json = JsonSerializer.SerializeToNode(payload, payload.GetType(), JsonSerializerOptions.Web)!.AsObject();
        json["seq"] = venue.EventSeq;
        json["venueId"] = venue.Slug;
        var privateJson = audience is null || audiencePayload is null
            ? null
            : JsonSerializer.Serialize(audiencePayload, audiencePayload.GetType(), JsonSerializerOptions.Web);
        _events.Add(new VenueEvent(venue.EventSeq, type, json.ToJsonString(), audience, privateJson));
    }

    /// <summary>An item's event, with the venue's counts; the patron whose item it is also gets their allowance at <paramref name="now"/>.</summary>
    public void RaiseItem(string type, QueueEntry entry, QueueItem item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Raise(
            type,
            new
            {
                item,
                version = venue.QueueVersion,
                pendingCount = venue.Queue.Count,
                awaitingApproval = venue.AwaitingApproval.Count,
            },
            entry.PatronKey,
            new { quota = new QuotaBook(venue).QuotaOf(entry.PatronKey, entry.SubmittedByUserId, now) });
    }

    /// <summary>A request whose row (<c>song_requests</c>) the turn's write must bring up to date.</summary>
    public void RequestChanged(QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!_changedRequests.Contains(entry))
        {
            _changedRequests.Add(entry);
        }
    }

    /// <summary>The events and changed requests so far, handed to the write; the turn starts afresh.</summary>
    internal (IReadOnlyList<VenueEvent> Events, IReadOnlyList<QueueEntry> ChangedRequests) Take()
    {
        var taken = ((IReadOnlyList<VenueEvent>)[.. _events], (IReadOnlyList<QueueEntry>)[.. _changedRequests]);
        _events.Clear();
        _changedRequests.Clear();
        return taken;
    }

    /// <summary>The events raised so far in this turn.</summary>
    public IReadOnlyList<VenueEvent> Events => _events;

    /// <summary>The requests changed so far in this turn.</summary>
    public IReadOnlyList<QueueEntry> ChangedRequests => _changedRequests;
}
