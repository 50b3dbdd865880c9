using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Queue;
using Singr.Grains.Venues;
using static Singr.Domain.Tests.TestVenues;

namespace Singr.Domain.Tests;

public sealed class OfflinePlaybackTests
{
    private static readonly AuditStamp PlayerStamp = new(Guid.Empty, "player", null, null, Roles.Player, null, null);

    private readonly VenueState _venue = Open();
    private readonly VenueTurn _turn;
    private readonly Guid _screen = Guid.NewGuid();

    public OfflinePlaybackTests()
    {
        _turn = new VenueTurn(_venue);
        _venue.Players[_screen] = new PairedPlayerState { DeviceId = "screen", PairedAt = Evening };
    }

    private PlayerAuthority Authority => new(_venue, _turn);

    private QueueEntry Held(string title)
    {
        var entry = Queue(_venue, title);
        entry.CreditsHeld = true;
        entry.SubmittedByUserId = Guid.NewGuid();
        return entry;
    }

    private PlayerReport State(string status, Guid? item) => new(_screen, "screen", _venue.Player.Fence, status, item, 5, 75, 0);

    private Outcome<PlayerSnapshotReply> Snapshot(PlayerReport current, IReadOnlyList<PlayedOffline> played, IReadOnlyList<AddedAtPlayer>? added = null, DateTimeOffset? at = null) =>
        new OfflinePlayback(_venue, _turn).Reconcile(new PlayerQueueSnapshot(current, played, added ?? [], PlayerStamp), at ?? Evening.AddMinutes(10), out _);

    private static PlayedOffline Record(QueueEntry entry, string outcome, int endedMinute, bool heard = true, string? key = null) =>
        new(key ?? Guid.NewGuid().ToString("N"), entry.Id, outcome, heard, Evening.AddMinutes(endedMinute - 3), Evening.AddMinutes(endedMinute));

    private List<(Guid RequestId, bool Capture)> WalletCalls => [.. _venue.WalletOutbox.Select(a => (a.RequestId, a.Capture))];

    [Fact]
    public void Songs_the_player_got_through_offline_end_as_it_recorded_and_the_song_it_plays_now_is_now_playing()
    {
        var first = Held("First");
        var second = Held("Second");
        var third = Held("Third");
        var fourth = Queue(_venue, "Fourth");
        Authority.Report(State(PlayerStatuses.Playing, first.Id), Evening, out _);

        var reply = Snapshot(
            State(PlayerStatuses.Playing, fourth.Id),
            [Record(first, QueueItemStatuses.Played, 4), Record(second, QueueItemStatuses.Skipped, 5, heard: false), Record(third, QueueItemStatuses.Failed, 6, heard: false)]);

        Assert.Equal(3, reply.Value!.Applied.Count);
        Assert.Equal((QueueItemStatuses.Played, QueueItemStatuses.Skipped, QueueItemStatuses.Failed), (first.Status, second.Status, third.Status));
        Assert.Equal(Evening.AddMinutes(5), second.EndedAt);
        Assert.Equal(fourth.Id, _venue.NowPlaying!.Id);
        Assert.Empty(_venue.Queue);
        Assert.Equal([(first.RequestId, true), (second.RequestId, false), (third.RequestId, false)], WalletCalls);
        Assert.Contains(_turn.Events, e => e.Type == VenueEvents.QueueReconcile);
    }

    [Fact]
    public void A_snapshot_sent_again_changes_nothing_more_and_names_its_records_as_already_known()
    {
        var first = Held("First");
        var second = Queue(_venue, "Second");
        Authority.Report(State(PlayerStatuses.Playing, first.Id), Evening, out _);
        var played = new[] { Record(first, QueueItemStatuses.Played, 4, key: "rec-1") };
        Snapshot(State(PlayerStatuses.Playing, second.Id), played);
        var eventsBefore = _turn.Events.Count;

        var again = Snapshot(State(PlayerStatuses.Playing, second.Id), played);

        Assert.Empty(again.Value!.Applied);
        Assert.Equal(["rec-1"], again.Value.AlreadyKnown);
        Assert.Single(WalletCalls);
        Assert.DoesNotContain(_turn.Events.Skip(eventsBefore), e => e.Type is VenueEvents.QueueReconcile or VenueEvents.QueueUpdate);
    }

    [Fact]
    public void A_song_a_host_removed_while_the_player_was_offline_stays_removed_and_is_not_charged()
    {
        var first = Held("First");
        var removed = Held("Removed");
        Authority.Report(State(PlayerStatuses.Playing, first.Id), Evening, out _);
        new Lineup(_venue, _turn).End(removed.Id, QueueItemStatuses.Removed, Evening.AddMinutes(1));

        var reply = Snapshot(State(PlayerStatuses.Idle, null), [Record(first, QueueItemStatuses.Played, 4), Record(removed, QueueItemStatuses.Played, 8)]);

        Assert.Single(reply.Value!.Applied);
        Assert.Single(reply.Value.AlreadyKnown);
        Assert.Equal(QueueItemStatuses.Removed, removed.Status);
        Assert.Equal([(first.RequestId, true), (removed.RequestId, false)], WalletCalls);
    }

    [Fact]
    public void Requests_patrons_made_meanwhile_stay_queued_behind_what_the_player_plays()
    {
        var first = Queue(_venue, "First");
        Authority.Report(State(PlayerStatuses.Playing, first.Id), Evening, out _);
        var askedMeanwhile = Queue(_venue, "Asked meanwhile");

        Snapshot(State(PlayerStatuses.Idle, null), [Record(first, QueueItemStatuses.Played, 4)]);

        Assert.Equal([askedMeanwhile.Id], _venue.Queue.Select(e => e.Id));
        Assert.Equal(QueueItemStatuses.Queued, askedMeanwhile.Status);
        Assert.Null(_venue.NowPlaying);
    }

    [Fact]
    public void A_song_heard_then_skipped_offline_is_paid_for_as_any_heard_song()
    {
        var heardThenSkipped = Held("Heard");
        Authority.Report(State(PlayerStatuses.Idle, null), Evening, out _);

        Snapshot(State(PlayerStatuses.Idle, null), [Record(heardThenSkipped, QueueItemStatuses.Skipped, 4, heard: true)]);

        Assert.Equal(QueueItemStatuses.Skipped, heardThenSkipped.Status);
        Assert.Equal([(heardThenSkipped.RequestId, true)], WalletCalls);
    }

    [Fact]
    public void A_player_clock_ahead_of_the_server_never_dates_a_song_in_the_future()
    {
        var first = Queue(_venue, "First");
        Authority.Report(State(PlayerStatuses.Idle, null), Evening, out _);
        var now = Evening.AddMinutes(10);

        Snapshot(State(PlayerStatuses.Idle, null), [new PlayedOffline("k", first.Id, QueueItemStatuses.Played, true, now.AddHours(1), now.AddHours(2))], at: now);

        Assert.Equal((now, now), (first.StartedAt, first.EndedAt));
    }

    [Fact]
    public void Songs_added_at_the_player_join_the_queue_once_free_and_a_blocked_one_is_refused_by_its_rule()
    {
        _venue.Settings = _venue.Settings with { Blocklist = new Blocklist(["Nobody"], [], []) };
        Authority.Report(State(PlayerStatuses.Idle, null), Evening, out _);
        var added = new AddedAtPlayer(Guid.NewGuid(), new SongDetails(RequestKinds.Karaoke, "Added Here", "The Band", SingerName: "Dee"));
        var blocked = new AddedAtPlayer(Guid.NewGuid(), new SongDetails(RequestKinds.Karaoke, "Blocked", "Nobody"));

        var first = Snapshot(State(PlayerStatuses.Idle, null), [], [added, blocked]);
        var again = Snapshot(State(PlayerStatuses.Idle, null), [], [added]);

        var queued = Assert.Single(_venue.Queue);
        Assert.Equal(("Added Here", "Dee", 0, OfflinePlayback.AddedAtPlayerBy), (queued.Title, queued.SingerName, queued.CreditsCost, queued.RequestedBy));
        Assert.Equal(queued.Id, first.Value!.Added[0].ItemId);
        Assert.Equal(DomainErrors.BlockedSong, first.Value.Added[1].Refusal);
        Assert.Equal(queued.Id, again.Value!.Added[0].ItemId);
    }

    [Fact]
    public void A_snapshot_from_a_screen_that_lost_the_lease_changes_nothing()
    {
        var standby = Guid.NewGuid();
        _venue.Players[standby] = new PairedPlayerState { DeviceId = "standby", PairedAt = Evening };
        var first = Held("First");
        Authority.Report(State(PlayerStatuses.Playing, first.Id), Evening, out _);
        Authority.HandOver(standby, Evening.AddMinutes(1));
        var staleFence = new PlayerReport(_screen, "screen", 1, PlayerStatuses.Idle, null, 0, 75, 0);
        var walletCallsBefore = WalletCalls;

        var refused = Snapshot(staleFence, [Record(first, QueueItemStatuses.Played, 4)]);

        Assert.Equal(DomainErrors.PlayerNotActive, refused.Error);
        Assert.Equal((QueueItemStatuses.Playing, first.Id), (first.Status, _venue.NowPlaying!.Id));
        Assert.Equal(walletCallsBefore, WalletCalls);
    }
}
