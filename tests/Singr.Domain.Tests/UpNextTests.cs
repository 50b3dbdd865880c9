using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Queue;
using Singr.Grains.Venues;
using static Singr.Domain.Tests.TestVenues;

namespace Singr.Domain.Tests;

public sealed class UpNextTests
{
    private readonly VenueState _venue = Open();
    private readonly VenueTurn _turn;

    public UpNextTests() => _turn = new VenueTurn(_venue);

    private RequestWorkflow Workflow => new(_venue, _turn);

    private List<string?> ToldPatrons => [.. _turn.Events.Where(e => e.Type == VenueEvents.RequestUpdate && e.PayloadJson.Contains("\"up_next\"", StringComparison.Ordinal)).Select(e => e.Audience)];

    [Fact]
    public void The_patron_with_two_songs_ahead_is_told_once_and_the_next_one_when_the_queue_moves_up()
    {
        Queue(_venue, "One", "guest:ann");
        Queue(_venue, "Two", "guest:bob");

        Workflow.AnnounceUpNext(Evening);
        var withTwoQueued = ToldPatrons;
        Queue(_venue, "Three", "guest:cat");
        Queue(_venue, "Four", "guest:dee");
        Workflow.AnnounceUpNext(Evening);
        Workflow.AnnounceUpNext(Evening);
        var afterThirdArrives = ToldPatrons;
        _venue.Queue.RemoveAt(0);
        Workflow.AnnounceUpNext(Evening);

        Assert.Empty(withTwoQueued);
        Assert.Equal(["guest:cat"], afterThirdArrives);
        Assert.Equal(["guest:cat", "guest:dee"], ToldPatrons);
    }

    [Fact]
    public void A_song_moved_back_and_forward_past_two_ahead_is_not_announced_again()
    {
        Queue(_venue, "One", "guest:ann");
        Queue(_venue, "Two", "guest:bob");
        var third = Queue(_venue, "Three", "guest:cat");
        Queue(_venue, "Four", "guest:dee");
        Workflow.AnnounceUpNext(Evening);

        new QueueOrder(_venue.Queue).Move(third.Id, 4);
        Workflow.AnnounceUpNext(Evening);
        new QueueOrder(_venue.Queue).Move(third.Id, 3);
        Workflow.AnnounceUpNext(Evening);

        Assert.Equal(["guest:cat", "guest:dee"], ToldPatrons);
    }
}
