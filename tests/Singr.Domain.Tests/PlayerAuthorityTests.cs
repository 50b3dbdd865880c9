using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Queue;
using Singr.Grains.Venues;
using static Singr.Domain.Tests.TestVenues;

namespace Singr.Domain.Tests;

public sealed class PlayerAuthorityTests
{
    private readonly VenueState _venue = Open();
    private readonly VenueTurn _turn;
    private readonly Guid _screen = Guid.NewGuid();
    private readonly Guid _standby = Guid.NewGuid();

    public PlayerAuthorityTests()
    {
        _turn = new VenueTurn(_venue);
        _venue.Players[_screen] = new PairedPlayerState { DeviceId = "screen", PairedAt = Evening };
        _venue.Players[_standby] = new PairedPlayerState { DeviceId = "standby", PairedAt = Evening };
    }

    private PlayerAuthority Authority => new(_venue, _turn);

    private Outcome<PlayerReportReply> Report(
        Guid player, string status, Guid? item = null, long? fence = null, DateTimeOffset? at = null, int volume = 80) =>
        Authority.Report(
            new PlayerReport(player, player == _screen ? "screen" : "standby", fence, status, item, 12, volume, 0),
            at ?? Evening,
            out _);

    [Fact]
    public void The_first_paired_device_to_report_takes_the_lease_and_another_device_is_refused_while_it_holds_it()
    {
        var first = Report(_screen, PlayerStatuses.Idle);
        var other = Report(_standby, PlayerStatuses.Idle);

        Assert.Equal((1L, _screen), (first.Value!.Fence, _venue.Player.Holder!.Value));
        Assert.Equal(DomainErrors.PlayerNotActive, other.Error);
    }

    [Fact]
    public void After_a_hand_over_the_old_holder_and_any_report_with_the_old_fence_are_refused()
    {
        Report(_screen, PlayerStatuses.Idle);

        Assert.True(Authority.HandOver(_standby, Evening));
        Assert.Equal(DomainErrors.PlayerNotActive, Report(_screen, PlayerStatuses.Idle, fence: 1).Error);
        Assert.Equal(DomainErrors.PlayerNotActive, Report(_standby, PlayerStatuses.Idle, fence: 1).Error);
        Assert.Equal(2L, Report(_standby, PlayerStatuses.Idle, fence: 2).Value!.Fence);
    }

    [Fact]
    public void A_revoked_device_cannot_report_and_a_device_that_takes_over_from_it_gets_a_new_fence()
    {
        Report(_screen, PlayerStatuses.Idle);
        _venue.Players[_screen].RevokedAt = Evening;

        Assert.Equal(DomainErrors.PlayerNotActive, Report(_screen, PlayerStatuses.Idle).Error);
        Assert.Equal(2L, Report(_standby, PlayerStatuses.Idle).Value!.Fence);
    }

    [Fact]
    public void Reporting_a_queued_item_makes_it_now_playing_and_ends_the_one_before_as_played()
    {
        var first = Queue(_venue, "First");
        var second = Queue(_venue, "Second");
        Report(_screen, PlayerStatuses.Playing, first.Id);

        var reply = Report(_screen, PlayerStatuses.Playing, second.Id, fence: 1, at: Evening.AddMinutes(4));

        Assert.Equal(["NOW_PLAYING_CHANGED"], reply.Value!.Corrections);
        Assert.Equal(second.Id, reply.Value.NowPlaying!.Id);
        Assert.Empty(_venue.Queue);
        Assert.Equal((QueueItemStatuses.Played, Evening.AddMinutes(4)), (first.Status, first.EndedAt!.Value));
        Assert.Contains(_venue.RecentSongs, r => r.SongKey == first.SongKey);
        Assert.Equal([first, second], _turn.ChangedRequests);
    }

    [Fact]
    public void A_song_a_host_skipped_ends_as_skipped_when_the_player_moves_on()
    {
        var song = Queue(_venue, "Skipped");
        Report(_screen, PlayerStatuses.Playing, song.Id);

        var command = Authority.Issue(PlayerCommands.Skip, null, Evening);
        var reply = Report(_screen, PlayerStatuses.Idle, fence: 1);

        Assert.Equal(PlayerCommands.Skip, command.Command);
        Assert.Equal(["NOW_PLAYING_ENDED"], reply.Value!.Corrections);
        Assert.Equal(QueueItemStatuses.Skipped, song.Status);
        Assert.Null(_venue.NowPlaying);
    }

    [Fact]
    public void An_item_the_venue_does_not_have_is_corrected_as_unknown_and_nothing_plays()
    {
        var reply = Report(_screen, PlayerStatuses.Playing, Guid.NewGuid());

        Assert.Equal(["UNKNOWN_ITEM"], reply.Value!.Corrections);
        Assert.Null(reply.Value.NowPlaying);
    }

    [Fact]
    public void Held_credits_are_owed_as_spent_when_the_song_starts_and_owed_back_when_a_held_song_ends_unplayed()
    {
        var paid = Queue(_venue, "Paid");
        paid.CreditsHeld = true;
        paid.SubmittedByUserId = Guid.NewGuid();
        var unplayed = Entry("Unplayed");
        unplayed.CreditsHeld = true;
        unplayed.SubmittedByUserId = Guid.NewGuid();

        Report(_screen, PlayerStatuses.Playing, paid.Id);
        RequestLifecycle.End(_venue, unplayed, QueueItemStatuses.Removed, Evening);

        Assert.Equal(
            [(paid.RequestId, true), (unplayed.RequestId, false)],
            _venue.WalletOutbox.Select(a => (a.RequestId, a.Capture)).ToList());
        Assert.False(paid.CreditsHeld);
        Assert.False(unplayed.CreditsHeld);
    }

    [Fact]
    public void A_plain_heartbeat_changes_nothing_that_needs_writing()
    {
        Report(_screen, PlayerStatuses.Idle);
        var eventsBefore = _turn.Events.Count;

        Authority.Report(new PlayerReport(_screen, "screen", 1, PlayerStatuses.Idle, null, 0, 80, 0), Evening.AddSeconds(10), out var changed);

        Assert.False(changed);
        Assert.Equal(eventsBefore, _turn.Events.Count);
    }

    [Fact]
    public void A_player_silent_for_more_than_90_seconds_shows_offline_is_announced_once_and_is_back_with_its_next_report()
    {
        Report(_screen, PlayerStatuses.Idle);

        Assert.Equal(PlayerStatuses.Online, Authority.StatusAt(Evening.AddSeconds(90)));
        Assert.Equal(PlayerStatuses.Offline, Authority.StatusAt(Evening.AddSeconds(91)));
        Assert.True(Authority.AnnounceIfOffline(Evening.AddSeconds(91)));
        Assert.False(Authority.AnnounceIfOffline(Evening.AddSeconds(120)));

        Authority.Report(new PlayerReport(_screen, "screen", 1, PlayerStatuses.Idle, null, 0, 80, 0), Evening.AddSeconds(130), out var changed);
        Assert.True(changed);
        Assert.Equal(PlayerStatuses.Online, Authority.StatusAt(Evening.AddSeconds(130)));
    }

    [Theory]
    [InlineData(PlayerStatuses.Idle, false, 500)]
    [InlineData(PlayerStatuses.Playing, true, 80)]
    public void A_report_the_rules_refuse_a_volume_of_500_or_playing_without_an_item_never_reaches_the_state(string status, bool withoutItem, int volume)
    {
        Assert.NotEmpty(PlayerReportRules.Check(status, withoutItem ? null : Guid.NewGuid(), 0, volume));
        Assert.Throws<ArgumentException>(() => Report(_screen, status, item: null, volume: volume));
        Assert.Null(_venue.Player.Holder);
    }

    [Fact]
    public void Only_the_last_100_host_commands_are_kept_and_their_numbers_keep_growing()
    {
        for (var i = 0; i < PlayerAuthority.KeptCommands + 5; i++)
        {
            Authority.Issue(PlayerCommands.Volume, 50, Evening);
        }

        Assert.Equal(PlayerAuthority.KeptCommands, _venue.Commands.Count);
        Assert.Equal((6L, 105L), (_venue.Commands[0].Seq, _venue.Commands[^1].Seq));
    }
}
