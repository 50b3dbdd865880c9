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
        Guid player, string status, Guid? item = null, long? fence = null, DateTimeOffset? at = null, int volume = 80, string? errorCode = null) =>
        Authority.Report(ReportOf(player, status, item, fence, volume, errorCode), at ?? Evening, out _);

    private PlayerReport ReportOf(Guid player, string status, Guid? item = null, long? fence = null, int volume = 80, string? errorCode = null) =>
        new(player, player == _screen ? "screen" : "standby", fence, status, item, 12, volume, 0, ErrorCode: errorCode);

    private QueueEntry Held(string title)
    {
        var entry = Queue(_venue, title);
        entry.CreditsHeld = true;
        entry.SubmittedByUserId = Guid.NewGuid();
        return entry;
    }

    private List<(Guid RequestId, bool Capture)> WalletCalls => [.. _venue.WalletOutbox.Select(a => (a.RequestId, a.Capture))];

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

        var command = Authority.Issue(PlayerCommands.Skip, null, null, Evening);
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
    public void A_held_song_is_charged_when_it_is_first_heard_not_while_it_loads()
    {
        var song = Held("Loading");

        Report(_screen, PlayerStatuses.Buffering, song.Id);
        var whileLoading = WalletCalls;
        Report(_screen, PlayerStatuses.Playing, song.Id, fence: 1);
        Report(_screen, PlayerStatuses.Playing, song.Id, fence: 1);

        Assert.Empty(whileLoading);
        Assert.Equal([(song.RequestId, true)], WalletCalls);
        Assert.Equal(song, _venue.NowPlaying);
    }

    [Fact]
    public void A_song_that_fails_before_it_is_heard_ends_as_failed_and_its_hold_goes_back_even_when_a_host_had_skipped_it()
    {
        var song = Held("Unavailable");
        Report(_screen, PlayerStatuses.Buffering, song.Id);
        Authority.Issue(PlayerCommands.Skip, null, null, Evening);

        var reply = Report(_screen, PlayerStatuses.Error, song.Id, fence: 1, errorCode: "150");

        Assert.Equal([(song.RequestId, false)], WalletCalls);
        Assert.Equal(QueueItemStatuses.Failed, song.Status);
        Assert.Null(_venue.NowPlaying);
        Assert.Null(reply.Value!.NowPlaying);
        Assert.Equal(PlayerStatuses.Online, Authority.StatusAt(Evening));
    }

    [Fact]
    public void A_song_reported_ended_is_played_once_and_a_retried_ended_report_changes_nothing()
    {
        var song = Held("To The End");
        var next = Queue(_venue, "Next");
        Report(_screen, PlayerStatuses.Buffering, song.Id);

        Report(_screen, PlayerStatuses.Ended, song.Id, fence: 1);
        var eventsAfterEnd = _turn.Events.Count;
        var retried = Authority.Report(ReportOf(_screen, PlayerStatuses.Ended, song.Id, fence: 1), Evening, out var changed);

        Assert.Equal(QueueItemStatuses.Played, song.Status);
        Assert.Equal([(song.RequestId, true)], WalletCalls);
        Assert.False(changed);
        Assert.Empty(retried.Value!.Corrections);
        Assert.Equal(eventsAfterEnd, _turn.Events.Count);
        Assert.Equal([next], _venue.Queue);
    }

    [Fact]
    public void An_ended_report_of_a_song_still_queued_plays_and_ends_it_and_what_played_before_is_played_too()
    {
        var first = Queue(_venue, "First");
        var missed = Queue(_venue, "Missed Start");
        Report(_screen, PlayerStatuses.Playing, first.Id);

        Report(_screen, PlayerStatuses.Ended, missed.Id, fence: 1);

        Assert.Equal((QueueItemStatuses.Played, QueueItemStatuses.Played), (first.Status, missed.Status));
        Assert.Empty(_venue.Queue);
        Assert.Null(_venue.NowPlaying);
    }

    [Fact]
    public void A_host_stop_ends_the_song_playing_as_skipped_when_the_player_goes_idle()
    {
        var song = Queue(_venue, "Stopped");
        Report(_screen, PlayerStatuses.Playing, song.Id);

        var stop = Authority.Issue(PlayerCommands.Stop, null, null, Evening);
        var quality = Authority.Issue(PlayerCommands.Quality, null, VideoQualities.Hd720, Evening);
        Report(_screen, PlayerStatuses.Idle, fence: 1);

        Assert.Equal(QueueItemStatuses.Skipped, song.Status);
        Assert.Equal((PlayerCommands.Stop, PlayerCommands.Quality, "hd720"), (stop.Command, quality.Command, quality.Quality));
    }

    [Theory]
    [InlineData(PlayerStatuses.Error, null, null, null, "errorCode")]
    [InlineData(PlayerStatuses.Playing, "150", null, null, "errorCode")]
    [InlineData(PlayerStatuses.Ended, null, null, null, "itemId")]
    [InlineData(PlayerStatuses.Playing, null, "4k", null, "quality")]
    [InlineData(PlayerStatuses.Playing, null, null, 3.0, "playbackRate")]
    [InlineData(PlayerStatuses.Playing, null, null, double.NaN, "playbackRate")]
    public void A_report_with_an_error_code_quality_or_speed_out_of_place_is_refused_naming_the_field(
        string status, string? errorCode, string? quality, double? rate, string field)
    {
        var report = ReportOf(_screen, status, status == PlayerStatuses.Ended ? null : Guid.NewGuid(), errorCode: errorCode) with { Quality = quality, PlaybackRate = rate };

        Assert.Equal([field], PlayerReportRules.Check(report).Select(p => p.Field));
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
        Assert.NotEmpty(PlayerReportRules.Check(ReportOf(_screen, status, withoutItem ? null : Guid.NewGuid(), volume: volume)));
        Assert.Throws<ArgumentException>(() => Report(_screen, status, item: null, volume: volume));
        Assert.Null(_venue.Player.Holder);
    }

    [Fact]
    public void Only_the_last_100_host_commands_are_kept_and_their_numbers_keep_growing()
    {
        for (var i = 0; i < PlayerAuthority.KeptCommands + 5; i++)
        {
            Authority.Issue(PlayerCommands.Volume, 50, null, Evening);
        }

        Assert.Equal(PlayerAuthority.KeptCommands, _venue.Commands.Count);
        Assert.Equal((6L, 105L), (_venue.Commands[0].Seq, _venue.Commands[^1].Seq));
    }
}
