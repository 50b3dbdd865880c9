using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Queue;

namespace Singr.Grains.Venues;

/// <summary>
/// Player authority: one paired device at a time holds the venue's lease, numbered by a fence that grows with every
/// grant or hand-over, and its reports are the truth about what plays. No I/O: it changes the venue's state and
/// raises the turn's events; the grain writes both.
/// </summary>
public sealed class PlayerAuthority(VenueState venue, VenueTurn turn)
{
    /// <summary>No report for this long and the venue shows offline.</summary>
    public static readonly TimeSpan OfflineAfter = TimeSpan.FromSeconds(90);

    /// <summary>Host commands kept for a player that has not carried them out yet.</summary>
    public const int KeptCommands = 100;

    private PlayerLease Lease => venue.Player;

    /// <summary>
    /// Takes a report from the device that holds the lease, or takes the lease for a paired device when no active
    /// player holds it. Refused (PLAYER_NOT_ACTIVE) for a revoked or unknown device, another device than the holder,
    /// or a report carrying an older fence.
    /// </summary>
    public Outcome<PlayerReportReply> Report(PlayerReport report, DateTimeOffset now, out bool changed)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (PlayerReportRules.Check(report).Count > 0)
        {
            throw new ArgumentException("Invalid player report; the API and the hub validate it first.", nameof(report));
        }

        if (Admit(report, out changed) is { } refusal)
        {
            return Outcome.Refused<PlayerReportReply>(refusal);
        }

        return Outcome.Ok(Take(report, now, ref changed));
    }

    /// <summary>
    /// Whether the reporting device speaks for the venue: it holds the lease, or takes it because no active player
    /// holds it. The refusal (PLAYER_NOT_ACTIVE) for a revoked or unknown device, another device than the holder, or a
    /// report carrying an older fence; <paramref name="changed"/> when the lease was taken.
    /// </summary>
    internal string? Admit(PlayerReport report, out bool changed)
    {
        changed = false;
        if (!venue.Players.TryGetValue(report.PlayerId, out var device) || device.RevokedAt is not null || device.DeviceId != report.DeviceId)
        {
            return DomainErrors.PlayerNotActive;
        }

        if (Lease.Holder is null || !IsActivePlayer(Lease.Holder.Value))
        {
            Lease.Holder = report.PlayerId;
            Lease.Fence++;
            changed = true;
        }
        else if (Lease.Holder != report.PlayerId || (report.Fence is { } fence && fence != Lease.Fence))
        {
            return DomainErrors.PlayerNotActive;
        }

        return null;
    }

    /// <summary>Takes an admitted report's word for what plays and mirrors it; the reply the player gets.</summary>
    internal PlayerReportReply Take(PlayerReport report, DateTimeOffset now, ref bool changed)
    {
        var corrections = new List<string>();
        var wasOffline = StatusAt(now) == PlayerStatuses.Offline || Lease.OfflineAnnounced;
        changed |= Reconcile(report, now, corrections);
        changed |= Lease.ReportedStatus != report.Status || Lease.Quality != report.Quality || Lease.PlaybackRate != report.PlaybackRate;
        Lease.LastReportAt = now;
        Lease.OfflineAnnounced = false;
        Lease.ReportedStatus = report.Status;
        Lease.PositionSeconds = report.PositionSeconds;
        Lease.Volume = report.Volume;
        Lease.Quality = report.Quality;
        Lease.PlaybackRate = report.PlaybackRate;
        Lease.LastCommandSeq = Math.Max(Lease.LastCommandSeq, report.LastCommandSeq);

        // A plain heartbeat changes nothing durable; anything else is written before the reply.
        changed |= wasOffline;
        if (changed)
        {
            turn.Raise(VenueEvents.PlayerStateUpdate, View(now));
        }

        return new PlayerReportReply(
            Lease.Fence,
            StatusAt(now),
            venue.NowPlaying?.ToRoomView(0, venue.NowPlaying.StartedAt),
            corrections,
            [.. venue.Commands.Where(c => c.Seq > report.LastCommandSeq)]);
    }

    /// <summary>
    /// Ends a song as the player recorded it offline: the one the venue still shows playing, or one still queued
    /// (the player moved on through its own copy of the queue). A song heard is paid for (ON_PLAY) before it ends;
    /// false when it is not waiting any more (it ended already, or a host removed it), which changes nothing.
    /// </summary>
    internal bool EndPlayedOffline(PlayedOffline record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var heard = record.Heard || record.Outcome == QueueItemStatuses.Played;
        if (venue.NowPlaying is { } playing && playing.Id == record.ItemId)
        {
            var (_, endedAt) = PlayerTimes(record, playing, now);
            if (heard)
            {
                RequestLifecycle.CaptureHeldCredits(venue, playing);
            }

            EndNowPlaying(record.Outcome, endedAt);
        }
        else if (new QueueOrder(venue.Queue).Remove(record.ItemId) is { } queued)
        {
            var (startedAt, endedAt) = PlayerTimes(record, queued, now);
            RequestLifecycle.Start(venue, queued, startedAt, heard);
            RequestLifecycle.End(venue, queued, record.Outcome, endedAt);
            turn.RaiseItem(VenueEvents.QueueUpdate, queued, queued.ToRoomView(0, null), now);
            venue.RecentSongs.Add(new RecentSong { SongKey = queued.SongKey, At = endedAt });
            turn.RequestChanged(queued);
        }
        else
        {
            return false;
        }

        venue.QueueVersion++;
        return true;
    }

    /// <summary>The player's clock, kept between the request and now: a screen's clock may be wrong.</summary>
    private static (DateTimeOffset StartedAt, DateTimeOffset EndedAt) PlayerTimes(PlayedOffline record, QueueEntry entry, DateTimeOffset now)
    {
        var endedAt = record.EndedAt > now ? now : record.EndedAt < entry.RequestedAt ? entry.RequestedAt : record.EndedAt;
        var startedAt = record.StartedAt is { } started && started <= endedAt && started >= entry.RequestedAt ? started : endedAt;
        return (entry.StartedAt is { } known && known <= endedAt ? known : startedAt, endedAt);
    }

    /// <summary>
    /// A host's command for the player; a skip or stop of the song playing ends it as skipped when the player leaves it.
    /// </summary>
    public PlayerCommand Issue(string command, double? value, string? quality, DateTimeOffset now)
    {
        if (command is PlayerCommands.Skip or PlayerCommands.Stop && venue.NowPlaying is not null)
        {
            Lease.EndNowPlayingAs = QueueItemStatuses.Skipped;
        }

        return Append(command, value, now, quality);
    }

    /// <summary>Asks the player to move on from the song playing now, which then ends as <paramref name="status"/>.</summary>
    public PlayerCommand EndNowPlayingAs(string status, DateTimeOffset now)
    {
        Lease.EndNowPlayingAs = status;
        return Append(PlayerCommands.Skip, null, now, quality: null);
    }

    /// <summary>Gives the lease to another active paired device (a standby); false when there is none with that id.</summary>
    public bool HandOver(Guid playerId, DateTimeOffset now)
    {
        if (!IsActivePlayer(playerId))
        {
            return false;
        }

        Lease.Holder = playerId;
        Lease.Fence++;
        turn.Raise(VenueEvents.PlayerStateUpdate, View(now));
        return true;
    }

    /// <summary>
    /// Tells the venue's clients once that its player went offline, so no dashboard shows a silent player as playing;
    /// the player's next report tells them it is back. True when it did.
    /// </summary>
    public bool AnnounceIfOffline(DateTimeOffset now)
    {
        if (Lease.LastReportAt is null || Lease.OfflineAnnounced || StatusAt(now) != PlayerStatuses.Offline)
        {
            return false;
        }

        Lease.OfflineAnnounced = true;
        turn.Raise(VenueEvents.PlayerStateUpdate, View(now));
        return true;
    }

    public bool IsActivePlayer(Guid playerId) => venue.Players.TryGetValue(playerId, out var player) && player.RevokedAt is null;

    /// <summary>Offline after <see cref="OfflineAfter"/> without a report; otherwise playing, paused or online (idle).</summary>
    public string StatusAt(DateTimeOffset now) => StatusOf(Lease, now);

    /// <inheritdoc cref="StatusAt"/>
    public static string StatusOf(PlayerLease lease, DateTimeOffset now) =>
        lease?.LastReportAt is not { } last || now - last > OfflineAfter
            ? PlayerStatuses.Offline
            : lease.ReportedStatus switch
            {
                PlayerStatuses.Playing => PlayerStatuses.Playing,
                PlayerStatuses.Paused => PlayerStatuses.Paused,
                PlayerStatuses.Buffering => PlayerStatuses.Buffering,
                _ => PlayerStatuses.Online,
            };

    public PlayerState View(DateTimeOffset now) => new(
        StatusAt(now),
        Lease.Holder,
        Lease.Fence,
        Lease.LastReportAt,
        venue.NowPlaying?.ToRoomView(0, venue.NowPlaying.StartedAt),
        Lease.PositionSeconds,
        Lease.Volume,
        Lease.LastCommandSeq,
        Lease.Quality,
        Lease.PlaybackRate);

    /// <summary>
    /// Takes the player's word for what plays. The item it reports becomes now playing (out of the queue if it was
    /// queued); the item before it ends as played, or as a host asked; an idle player means nothing plays. An item
    /// reported ended or failed is then ended too, and the first report of it playing is when an ON_PLAY charge is due.
    /// </summary>
    /// <returns>True when the queue, now playing or a charge changed.</returns>
    private bool Reconcile(PlayerReport report, DateTimeOffset now, List<string> corrections)
    {
        var finishing = report.Status is PlayerStatuses.Ended or PlayerStatuses.Error;
        if (finishing && venue.NowPlaying?.Id != report.ItemId && !venue.Queue.Any(e => e.Id == report.ItemId))
        {
            // Already ended (a retried report) or never known: nothing left to end.
            return false;
        }

        var reportedItem = report.Status == PlayerStatuses.Idle ? null : report.ItemId;
        var changed = MoveNowPlayingTo(reportedItem, report.Status is PlayerStatuses.Playing or PlayerStatuses.Ended, now, corrections);
        if (venue.NowPlaying is not { } current)
        {
            return changed;
        }

        if (finishing)
        {
            EndNowPlaying(report.Status == PlayerStatuses.Error ? QueueItemStatuses.Failed : Lease.EndNowPlayingAs ?? QueueItemStatuses.Played, now);
            venue.QueueVersion++;
            return true;
        }

        if (report.Status == PlayerStatuses.Playing && current.CreditsHeld)
        {
            RequestLifecycle.CaptureHeldCredits(venue, current);
            return true;
        }

        return changed;
    }

    private bool MoveNowPlayingTo(Guid? reportedItem, bool heard, DateTimeOffset now, List<string> corrections)
    {
        if (venue.NowPlaying?.Id == reportedItem)
        {
            return false;
        }

        if (venue.NowPlaying is not null)
        {
            EndNowPlaying(Lease.EndNowPlayingAs ?? QueueItemStatuses.Played, now);
            corrections.Add(reportedItem is null ? "NOW_PLAYING_ENDED" : "NOW_PLAYING_CHANGED");
        }

        if (reportedItem is { } itemId)
        {
            if (new QueueOrder(venue.Queue).Remove(itemId) is not { } next)
            {
                corrections.Add("UNKNOWN_ITEM");
            }
            else
            {
                RequestLifecycle.Start(venue, next, now, heard);
                venue.NowPlaying = next;
                turn.RaiseItem(VenueEvents.QueueUpdate, next, next.ToRoomView(0, now), now);
                turn.RequestChanged(next);
                if (!corrections.Contains("NOW_PLAYING_CHANGED"))
                {
                    corrections.Add("NOW_PLAYING_CHANGED");
                }
            }
        }

        venue.QueueVersion++;
        return true;
    }

    private void EndNowPlaying(string status, DateTimeOffset now)
    {
        var previous = venue.NowPlaying!;
        RequestLifecycle.End(venue, previous, status, now);
        turn.RaiseItem(VenueEvents.QueueUpdate, previous, previous.ToRoomView(0, null), now);
        venue.RecentSongs.Add(new RecentSong { SongKey = previous.SongKey, At = now });
        turn.RequestChanged(previous);
        venue.NowPlaying = null;
        Lease.EndNowPlayingAs = null;
    }

    private PlayerCommand Append(string command, double? value, DateTimeOffset now, string? quality)
    {
        var issued = new PlayerCommand((venue.Commands.Count == 0 ? Lease.LastCommandSeq : venue.Commands[^1].Seq) + 1, command, value, now, quality);
        venue.Commands.Add(issued);
        turn.Raise(VenueEvents.PlayerCommand, new { holder = Lease.Holder, command = issued });
        if (venue.Commands.Count > KeptCommands)
        {
            venue.Commands.RemoveRange(0, venue.Commands.Count - KeptCommands);
        }

        return issued;
    }
}
