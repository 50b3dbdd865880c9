using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Queue;

namespace Singr.Grains.Venues;

/// <summary>Player authority: the lease, the mirror of the player's reports, and host commands for it.</summary>
public sealed partial class VenueGrain : IVenuePlayerGrain
{
    /// <summary>No report for this long and the venue shows offline.</summary>
    public static readonly TimeSpan OfflineAfter = TimeSpan.FromSeconds(90);

    private const int KeptCommands = 100;

    public async Task<Outcome<PlayerReportReply>> ReportPlayerState(PlayerReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!Live || !State.Players.TryGetValue(report.PlayerId, out var device) || device.RevokedAt is not null || device.DeviceId != report.DeviceId)
        {
            return Outcome.Refused<PlayerReportReply>(DomainErrors.PlayerNotActive);
        }

        var lease = State.Player;
        var changed = false;
        if (lease.Holder is null || !IsActivePlayer(lease.Holder.Value))
        {
            lease.Holder = report.PlayerId;
            lease.Fence++;
            changed = true;
        }
        else if (lease.Holder != report.PlayerId || (report.Fence is { } fence && fence != lease.Fence))
        {
            return Outcome.Refused<PlayerReportReply>(DomainErrors.PlayerNotActive);
        }

        var now = timeProvider.GetUtcNow();
        var corrections = new List<string>();
        var wasOffline = PlayerStatusAt(now) == PlayerStatuses.Offline || lease.OfflineAnnounced;
        changed |= Reconcile(report, now, corrections);
        changed |= lease.ReportedStatus != report.Status;
        lease.LastReportAt = now;
        lease.OfflineAnnounced = false;
        lease.ReportedStatus = report.Status;
        lease.PositionSeconds = report.PositionSeconds;
        lease.Volume = report.Volume;
        lease.LastCommandSeq = Math.Max(lease.LastCommandSeq, report.LastCommandSeq);

        // A plain heartbeat changes nothing durable; anything else commits before the reply.
        if (changed || wasOffline)
        {
            Raise(VenueEvents.PlayerStateUpdate, PlayerView(now));
            await SaveAsync(rows =>
            {
                foreach (var ended in _endedThisTurn)
                {
                    ProjectRequest(rows, ended);
                }
            });
            _endedThisTurn.Clear();
            await FlushWalletOutboxAsync();
        }

        return Outcome.Ok(new PlayerReportReply(
            lease.Fence,
            PlayerStatusAt(now),
            State.NowPlaying is { } playing ? Item(playing, 0, playing.StartedAt) : null,
            corrections,
            [.. State.Commands.Where(c => c.Seq > report.LastCommandSeq)]));
    }

    public async Task<Outcome<PlayerCommand>> IssuePlayerCommand(IssuePlayerCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Live)
        {
            return Outcome.Refused<PlayerCommand>(DomainErrors.VenueNotFound);
        }

        var now = timeProvider.GetUtcNow();
        if (command.Command == PlayerCommands.Skip && State.NowPlaying is not null)
        {
            State.Player.EndNowPlayingAs = QueueItemStatuses.Skipped;
        }

        var issued = AppendCommand(command.Command, command.Value, now);
        await SaveAsync(rows =>
        {
            Audit(rows, command.Stamp, $"player.command.{command.Command}", "venue", VenueId.ToString("D"), null, issued);
        });
        return Outcome.Ok(issued);
    }

    public async Task<Outcome<PlayerState>> HandOverLease(HandOverLease command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Live || !IsActivePlayer(command.PlayerId))
        {
            return Outcome.Refused<PlayerState>(DomainErrors.PlayerNotFound);
        }

        var before = new { holder = State.Player.Holder, fence = State.Player.Fence };
        State.Player.Holder = command.PlayerId;
        State.Player.Fence++;
        Raise(VenueEvents.PlayerStateUpdate, PlayerView(timeProvider.GetUtcNow()));
        await SaveAsync(rows =>
        {
            Audit(rows, command.Stamp, "player.lease.hand_over", "player", command.PlayerId.ToString("D"), before,
                new { holder = command.PlayerId, fence = State.Player.Fence });
        });
        return Outcome.Ok(PlayerView(timeProvider.GetUtcNow()));
    }

    public Task<PlayerState?> GetPlayerState() => Task.FromResult(Live ? PlayerView(timeProvider.GetUtcNow()) : null);

    /// <summary>
    /// Takes the player's word for what plays. The item it reports becomes now playing (out of the queue if it was
    /// queued); the item before it ends as played, or as a host asked; an idle player means nothing plays.
    /// </summary>
    /// <returns>True when the queue or now playing changed.</returns>
    private bool Reconcile(PlayerReport report, DateTimeOffset now, List<string> corrections)
    {
        var reportedItem = report.Status == PlayerStatuses.Idle ? null : report.ItemId;
        if (State.NowPlaying?.Id == reportedItem)
        {
            return false;
        }

        if (State.NowPlaying is { } previous)
        {
            End(previous, State.Player.EndNowPlayingAs ?? QueueItemStatuses.Played, now);
            RaiseItem(VenueEvents.QueueUpdate, previous, Item(previous, 0, null));
            State.RecentSongs.Add(new RecentSong { SongKey = previous.SongKey, At = now });
            _endedThisTurn.Add(previous);
            State.NowPlaying = null;
            State.Player.EndNowPlayingAs = null;
            corrections.Add(reportedItem is null ? "NOW_PLAYING_ENDED" : "NOW_PLAYING_CHANGED");
        }

        if (reportedItem is { } itemId)
        {
            var next = Order.Remove(itemId);
            if (next is null)
            {
                corrections.Add("UNKNOWN_ITEM");
            }
            else
            {
                Start(next, now);
                State.NowPlaying = next;
                RaiseItem(VenueEvents.QueueUpdate, next, Item(next, 0, now));
                _endedThisTurn.Add(next);
                if (!corrections.Contains("NOW_PLAYING_CHANGED"))
                {
                    corrections.Add("NOW_PLAYING_CHANGED");
                }
            }
        }

        State.QueueVersion++;
        return true;
    }

    /// <summary>
    /// Tells the venue's clients once that its player went offline, so no dashboard shows a silent player as playing;
    /// the player's next report tells them it is back.
    /// </summary>
    private async Task AnnounceOfflinePlayerAsync()
    {
        var now = timeProvider.GetUtcNow();
        if (!Live || State.Player.LastReportAt is null || State.Player.OfflineAnnounced || PlayerStatusAt(now) != PlayerStatuses.Offline)
        {
            return;
        }

        State.Player.OfflineAnnounced = true;
        Raise(VenueEvents.PlayerStateUpdate, PlayerView(now));
        await SaveAsync();
    }

    private PlayerCommand AppendCommand(string command, double? value, DateTimeOffset now)
    {
        var issued = new PlayerCommand((State.Commands.Count == 0 ? State.Player.LastCommandSeq : State.Commands[^1].Seq) + 1, command, value, now);
        State.Commands.Add(issued);
        Raise(VenueEvents.PlayerCommand, new { holder = State.Player.Holder, command = issued });
        if (State.Commands.Count > KeptCommands)
        {
            State.Commands.RemoveRange(0, State.Commands.Count - KeptCommands);
        }

        return issued;
    }

    private bool IsActivePlayer(Guid playerId) => State.Players.TryGetValue(playerId, out var player) && player.RevokedAt is null;

    private string PlayerStatusAt(DateTimeOffset now) =>
        State.Player.LastReportAt is not { } last || now - last > OfflineAfter
            ? PlayerStatuses.Offline
            : State.Player.ReportedStatus switch
            {
                PlayerStatuses.Playing => PlayerStatuses.Playing,
                PlayerStatuses.Paused => PlayerStatuses.Paused,
                _ => PlayerStatuses.Online,
            };

    private PlayerState PlayerView(DateTimeOffset now) => new(
        PlayerStatusAt(now),
        State.Player.Holder,
        State.Player.Fence,
        State.Player.LastReportAt,
        State.NowPlaying is { } playing ? Item(playing, 0, playing.StartedAt) : null,
        State.Player.PositionSeconds,
        State.Player.Volume,
        State.Player.LastCommandSeq);
}
