using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Quotas;
using Singr.Grains.Queue;
using Singr.Grains.Venues;
using static Singr.Domain.Tests.TestVenues;

namespace Singr.Domain.Tests;

public sealed class LineupTests
{
    private readonly VenueState _venue = Open();
    private readonly VenueTurn _turn;

    public LineupTests() => _turn = new VenueTurn(_venue);

    private Lineup Lineup => new(_venue, _turn);

    private QueueEntry Admitted(RequestSong request)
    {
        var (entry, refusal) = Lineup.Admit(request, Evening);
        Assert.Null(refusal);
        return entry!;
    }

    [Fact]
    public void An_accepted_request_is_queued_last_numbered_and_announced_and_a_retry_gets_the_same_first_result()
    {
        Queue(_venue, "Already queued");
        var request = Request("Dancing Queen");

        var accepted = Lineup.Accept(Admitted(request), Evening);

        Assert.Equal((2, 1L), (accepted.Item.Position, accepted.QueueVersion));
        Assert.Equal(Evening.AddMinutes(4), accepted.Item.EstimatedStartAt);
        Assert.Same(accepted, _venue.Accepted[request.RequestId]);
        Assert.Equal([VenueEvents.QueueInsert], _turn.Events.Select(e => e.Type).ToList());
        Assert.Single(_turn.ChangedRequests);
    }

    [Fact]
    public void A_patrons_request_in_a_venue_that_approves_waits_for_an_answer_and_counts_in_their_allowance()
    {
        _venue.Settings = _venue.Settings with { ApprovalRequired = true };
        new QuotaBook(_venue).SetTiers([new QuotaTier("Regular", 2, QuotaPeriods.Night)], "Regular");

        var accepted = Lineup.Accept(Admitted(Request("Jolene", patron: "guest:ann")), Evening);

        Assert.Equal((QueueItemStatuses.Pending, 0), (accepted.Item.Status, accepted.Item.Position));
        Assert.Empty(_venue.Queue);
        Assert.Single(_venue.AwaitingApproval);
        Assert.Equal(1, new QuotaBook(_venue).QuotaOf("guest:ann", null, Evening).RequestsUsed);
    }

    [Fact]
    public void A_hosts_request_for_a_patron_is_free_queued_without_approval_and_counts_in_no_allowance()
    {
        _venue.Settings = _venue.Settings with { ApprovalRequired = true, Mode = RequestModes.Paid };

        var entry = Admitted(Request("For table 7", patron: Patron.OnBehalfOf("Table 7").Key, byHost: true));

        Assert.Equal((0, false, QueueItemStatuses.Queued), (entry.CreditsCost, entry.CountsInQuota, entry.Status));
        Assert.Null(entry.Approval);
    }

    [Fact]
    public void The_key_change_a_singer_chose_is_owed_to_their_account_once_the_request_is_accepted_and_not_kept_in_the_queue()
    {
        var request = Request("Hello") with { SingerAccount = "ann@example.com", KeyChangeGiven = true, Song = new SongDetails(RequestKinds.Karaoke, "Hello", "Adele", KeyChange: -2) };
        var entry = Admitted(request);

        Assert.Empty(_venue.KeyChangesOwed);
        Lineup.Accept(entry, Evening);

        var owed = Assert.Single(_venue.KeyChangesOwed);
        Assert.Equal(("ann@example.com", entry.SongKey, -2), (owed.Account, owed.SongKey, owed.KeyChange));
        Assert.Null(entry.SingerAccount);
    }

    [Fact]
    public void A_reorder_against_an_older_version_is_refused_and_a_move_of_an_item_not_queued_is_not_found()
    {
        var first = Queue(_venue, "First");
        var second = Queue(_venue, "Second");
        _venue.QueueVersion = 5;

        Assert.Equal(DomainErrors.QueueChanged, Lineup.Reorder(new ReorderItems([new(second.Id, 1), new(first.Id, 2)], 4, WholeQueue: true)));
        Assert.Equal(DomainErrors.QueueItemNotFound, Lineup.Reorder(new ReorderItems([new(Guid.NewGuid(), 1)], null, WholeQueue: false)));
        Assert.Equal(DomainErrors.QueueChanged, Lineup.Reorder(new ReorderItems([new(second.Id, 1)], 5, WholeQueue: true)));
        Assert.Null(Lineup.Reorder(new ReorderItems([new(second.Id, 1), new(first.Id, 2)], 5, WholeQueue: true)));

        Assert.Equal([second, first], _venue.Queue);
        Assert.Equal(6, _venue.QueueVersion);
    }

    [Fact]
    public void Ending_a_queued_item_takes_it_out_and_owes_back_what_it_held_while_ending_the_one_playing_asks_the_player()
    {
        var held = Queue(_venue, "Held");
        held.CreditsHeld = true;
        held.SubmittedByUserId = Guid.NewGuid();
        var playing = Entry("Playing");
        _venue.NowPlaying = playing;

        Assert.Same(held, Lineup.End(held.Id, QueueItemStatuses.Skipped, Evening));
        Assert.Same(playing, Lineup.End(playing.Id, QueueItemStatuses.Removed, Evening));
        Assert.Null(Lineup.End(Guid.NewGuid(), QueueItemStatuses.Removed, Evening));

        Assert.Equal(QueueItemStatuses.Skipped, held.Status);
        Assert.Equal([(held.RequestId, false)], _venue.WalletOutbox.Select(a => (a.RequestId, a.Capture)).ToList());
        Assert.Same(playing, _venue.NowPlaying);
        Assert.Equal((QueueItemStatuses.Removed, PlayerCommands.Skip), (_venue.Player.EndNowPlayingAs, _venue.Commands[^1].Command));
    }

    [Fact]
    public void Closing_for_the_night_removes_everything_waiting_gives_unanswered_allowances_back_and_lets_the_song_playing_play_on()
    {
        new QuotaBook(_venue).SetTiers([new QuotaTier("Regular", 5, QuotaPeriods.Night)], "Regular");
        Lineup.Accept(Admitted(Request("Queued", patron: "guest:ann")), Evening);
        _venue.Settings = _venue.Settings with { ApprovalRequired = true };
        Lineup.Accept(Admitted(Request("Unanswered", patron: "guest:ann")), Evening);
        var playing = Entry("Playing");
        _venue.NowPlaying = playing;

        var removed = Lineup.CloseForTheNight(Evening.AddHours(4));

        Assert.Equal(2, removed.Count);
        Assert.All(removed, e => Assert.Equal(QueueItemStatuses.Removed, e.Status));
        Assert.Empty(_venue.Queue);
        Assert.Empty(_venue.AwaitingApproval);
        Assert.False(_venue.Settings.RequestsOpen);
        Assert.Same(playing, _venue.NowPlaying);
        Assert.Equal(1, new QuotaBook(_venue).QuotaOf("guest:ann", null, Evening.AddHours(4)).RequestsUsed);
    }

    [Fact]
    public void Opening_requests_restarts_the_automatic_closing_count_and_a_venue_must_take_some_kind_of_request()
    {
        _venue.Settings = _venue.Settings with { RequestsOpen = false };

        var before = Lineup.ChangeSettings(new VenueSettingsPatch(RequestsOpen: true), Evening.AddHours(3));

        Assert.False(before.RequestsOpen);
        Assert.Equal(Evening.AddHours(3), _venue.RequestsOpenedAt);
        Assert.Throws<ArgumentException>(() => Lineup.ChangeSettings(new VenueSettingsPatch(AcceptKaraoke: false, AcceptJukebox: false), Evening));
        Assert.True(_venue.Settings.AcceptKaraoke);
    }

    [Fact]
    public void A_venue_switches_to_pricing_videos_by_their_own_price_and_an_unknown_pricing_is_refused_by_field()
    {
        Lineup.ChangeSettings(new VenueSettingsPatch(JukeboxPricing: JukeboxPricingModes.ByVideo), Evening);
        var untouched = Lineup.ChangeSettings(new VenueSettingsPatch(QueueLimit: 50), Evening);

        Assert.Equal(JukeboxPricingModes.ByVideo, untouched.JukeboxPricing);
        Assert.Equal(JukeboxPricingModes.ByVideo, VenuePrices.Of(_venue.Settings).JukeboxPricing);
        Assert.Equal(JukeboxPricingModes.Flat, VenueSettings.Default.JukeboxPricing);
        Assert.Equal(["jukeboxPricing"], VenueSettingsRules.Check(new VenueSettingsPatch(JukeboxPricing: "BY_MOOD")).Select(p => p.Field));
    }
}
