using System.Text.Json.Nodes;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Queue;
using Singr.Grains.Venues;
using Singr.Silo.Storage;
using Xunit;

namespace Singr.Silo.Tests;

/// <summary>
/// A request's fields were renamed to match the wire (<c>requestedBy</c>, <c>requestedAt</c>, <c>submittedByUserId</c>);
/// venue state keeps its stored names, so a venue moving between silos of two releases during a rolling upgrade (or
/// its rollback) keeps its queue and the first results it replays to retries.
/// </summary>
public sealed class StoredStateNamesTests
{
    private static readonly DateTimeOffset Evening = new(2026, 12, 4, 21, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Venue_state_is_stored_under_the_names_the_previous_release_reads()
    {
        var patron = Guid.NewGuid();
        var entry = new QueueEntry { Id = Guid.NewGuid(), Title = "Dancing Queen", RequestedBy = "Ana", RequestedAt = Evening, SubmittedByUserId = patron };
        var state = new VenueState { Queue = [entry] };
        state.Accepted[Guid.NewGuid()] = new RequestAccepted(entry.ToRoomView(1, Evening), 3);

        var stored = JsonNode.Parse(GrainStateSerializer.Serialize(state))!;

        var queued = stored["queue"]![0]!;
        Assert.Equal("Ana", queued["requestedByName"]!.GetValue<string>());
        Assert.Equal(Evening, queued["createdAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(patron, queued["patronUserId"]!.GetValue<Guid>());
        Assert.Null(queued["requestedAt"]);
        var remembered = stored["accepted"]!.AsObject().Single().Value!["item"]!;
        Assert.Equal("Ana", remembered["requestedByName"]!.GetValue<string>());
        Assert.Equal(Evening, remembered["createdAt"]!.GetValue<DateTimeOffset>());
        Assert.Null(remembered["requestedBy"]);
    }

    [Fact]
    public void Venue_state_stored_by_the_previous_release_reads_back_with_its_requests_names_and_times()
    {
        var requestId = Guid.NewGuid();
        var patron = Guid.NewGuid();
        var itemId = Guid.NewGuid();
        var json = $$"""
            {
              "queue": [{ "id": "{{itemId}}", "title": "Dancing Queen", "requestedByName": "Ana", "createdAt": "2026-12-04T21:30:00+00:00", "patronUserId": "{{patron}}" }],
              "accepted": {
                "{{requestId}}": {
                  "item": { "id": "{{itemId}}", "kind": "jukebox", "title": "Dancing Queen", "requestedByName": "Ana", "position": 1,
                            "status": "queued", "createdAt": "2026-12-04T21:30:00+00:00" },
                  "queueVersion": 3
                }
              }
            }
            """;

        var state = GrainStateSerializer.Deserialize<VenueState>(json);

        var queued = Assert.Single(state.Queue);
        Assert.Equal(("Ana", Evening, patron), (queued.RequestedBy, queued.RequestedAt, queued.SubmittedByUserId));
        var remembered = state.Accepted[requestId].Item;
        Assert.Equal(("Ana", Evening, 1), (remembered.RequestedBy, remembered.RequestedAt, remembered.Position));
    }
}
