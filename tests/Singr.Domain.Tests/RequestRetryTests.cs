using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Queue;
using Singr.Grains.Venues;
using static Singr.Domain.Tests.TestVenues;

namespace Singr.Domain.Tests;

public sealed class RequestRetryTests
{
    private readonly VenueState _venue = Open();

    private Lineup Lineup => new(_venue, new VenueTurn(_venue));

    [Fact]
    public void The_same_song_sent_again_under_its_key_gets_the_first_result()
    {
        var first = Take(Request("Dancing Queen"));

        var retry = RequestRetry.Of(first.Command with { Song = first.Command.Song with { Title = " Dancing Queen " } }, _venue);

        Assert.Same(first.Accepted, retry!.First);
        Assert.Null(retry.Refusal);
    }

    [Fact]
    public void Another_song_under_a_used_key_is_refused_and_is_never_answered_with_the_first()
    {
        var first = Take(Request("Dancing Queen"));

        var otherSong = RequestRetry.Of(first.Command with { Song = first.Command.Song with { Title = "Waterloo" } }, _venue);
        var withPriority = RequestRetry.Of(first.Command with { Priority = true }, _venue);
        var otherKey = RequestRetry.Of(first.Command with { Song = first.Command.Song with { KeyChange = 2 } }, _venue);

        Assert.All([otherSong, withPriority, otherKey], r => Assert.Equal((null, DomainErrors.IdempotencyKeyReused), (r!.First, r.Refusal)));
    }

    [Fact]
    public void A_singers_retry_that_leaves_the_key_change_and_name_to_the_venue_is_the_same_request()
    {
        var given = Request("Dancing Queen") with { Song = new SongDetails(RequestKinds.Karaoke, "Dancing Queen", "ABBA", KeyChange: -2) };
        var first = Take(given);

        var retry = RequestRetry.Of(given with { KeyChangeGiven = false, Song = given.Song with { KeyChange = 0 } }, _venue);

        Assert.Same(first.Accepted, retry!.First);
    }

    [Fact]
    public void A_retry_of_a_request_whose_payment_stopped_midway_finishes_that_payment_unless_it_asks_for_another_song()
    {
        var command = Request("Dancing Queen");
        var (entry, _) = Lineup.Admit(command, Evening);
        var unsettled = new PendingPayment { Entry = entry! };
        _venue.PendingPayments.Add(unsettled);

        Assert.Same(unsettled, RequestRetry.Of(command, _venue)!.Unsettled);
        Assert.Equal(DomainErrors.IdempotencyKeyReused, RequestRetry.Of(command with { Song = command.Song with { Artist = "Someone Else" } }, _venue)!.Refusal);
    }

    [Fact]
    public void A_key_the_venue_has_not_seen_is_no_retry()
    {
        Take(Request("Dancing Queen"));

        Assert.Null(RequestRetry.Of(Request("Dancing Queen"), _venue));
    }

    private (RequestSong Command, RequestAccepted Accepted) Take(RequestSong command)
    {
        var (entry, refusal) = Lineup.Admit(command, Evening);
        Assert.Null(refusal);
        return (command, Lineup.Accept(entry!, Evening));
    }
}
