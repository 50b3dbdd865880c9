using FsCheck;
using FsCheck.Fluent;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Queue;
using Singr.Grains.Venues;
using static Singr.Domain.Tests.TestVenues;

namespace Singr.Domain.Tests;

/// <summary>
/// Round robin under random arrivals and plays: once a singer is waiting (a song queued, not singing now), nobody
/// sings twice before they sing once. Hosts' moves are left out: a host may put anyone anywhere.
/// </summary>
public sealed class SingerRotationPropertyTests
{
    private const int Singers = 6;

    [Fact]
    public void In_round_robin_no_singer_sings_twice_before_every_waiting_singer_has_sung_once()
    {
        var steps = Gen.ListOf(Gen.Frequency((3, Gen.Choose(0, Singers - 1)), (2, Gen.Constant(-1))));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(steps.ToArbitrary(), RunsFairly));
    }

    [Fact]
    public void A_newcomer_joins_the_coming_round_ahead_of_everyone_elses_second_song()
    {
        var venue = RoundRobinVenue();
        Request(venue, "ann");
        Request(venue, "ann");
        Request(venue, "bob");
        Request(venue, "bob");

        Request(venue, "cat");

        Assert.Equal(["ann", "bob", "cat", "ann", "bob"], venue.Queue.Select(e => e.RequestedBy));
    }

    [Fact]
    public void A_singer_named_on_a_request_is_the_one_who_waits_their_turn_not_the_phone_that_asked()
    {
        var venue = RoundRobinVenue();
        Request(venue, "table-4", singer: "Dee");
        Request(venue, "table-4", singer: "Eve");
        Request(venue, "table-4", singer: "Dee");
        Request(venue, "fay");

        Assert.Equal(["Dee", "Eve", null, "Dee"], venue.Queue.Select(e => e.SingerName));
    }

    [Fact]
    public void In_fifo_a_request_goes_last_whoever_asks()
    {
        var venue = Open();
        Request(venue, "ann");
        Request(venue, "ann");
        Request(venue, "bob");

        Assert.Equal(["ann", "ann", "bob"], venue.Queue.Select(e => e.RequestedBy));
    }

    private static bool RunsFairly(List<int> steps)
    {
        var venue = RoundRobinVenue();
        var waitingSince = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (step >= 0)
            {
                var singer = $"singer-{step}";
                var waiting = venue.Queue.All(e => e.PatronKey != singer) && venue.NowPlaying?.PatronKey != singer;
                Request(venue, singer);
                if (waiting)
                {
                    waitingSince[singer] = new(StringComparer.Ordinal);
                }

                continue;
            }

            if (venue.Queue.Count == 0)
            {
                venue.NowPlaying = null;
                continue;
            }

            var next = venue.Queue[0];
            venue.Queue.RemoveAt(0);
            venue.NowPlaying = next;
            waitingSince.Remove(next.PatronKey);
            foreach (var sung in waitingSince.Values)
            {
                sung[next.PatronKey] = sung.GetValueOrDefault(next.PatronKey) + 1;
                if (sung[next.PatronKey] > 1)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static VenueState RoundRobinVenue() => Open(VenueSettings.Default with { Rotation = RotationModes.RoundRobin });

    private static void Request(VenueState venue, string patron, string? singer = null)
    {
        var entry = Entry($"Song {venue.Queue.Count}", patron);
        entry.SingerName = singer;
        QueuePlacement.Place(venue, entry);
    }
}
