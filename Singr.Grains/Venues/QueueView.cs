using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Queue;

namespace Singr.Grains.Venues;

/// <summary>
/// The queue as everyone at the venue sees it: now playing, then the queue in order, each with when it should start
/// (from the player's reported position and each song's length).
/// </summary>
public sealed class QueueView(VenueState venue)
{
    /// <summary>Counted for a song whose duration nobody gave (karaoke tracks), in start-time estimates.</summary>
    public static readonly TimeSpan AssumedSongLength = TimeSpan.FromMinutes(4);

    public QueueSnapshot Snapshot(DateTimeOffset now)
    {
        var nowPlaying = venue.NowPlaying?.ToRoomView(0, venue.NowPlaying.StartedAt);
        var cursor = NowPlayingEndsAt(now);
        var items = new List<QueueItem>(venue.Queue.Count);
        for (var i = 0; i < venue.Queue.Count; i++)
        {
            var entry = venue.Queue[i];
            items.Add(entry.ToRoomView(i + 1, cursor));
            cursor += LengthOf(entry);
        }

        return new QueueSnapshot(
            nowPlaying, items, venue.QueueVersion, PlayerAuthority.StatusOf(venue.Player, now), new RequestRules(venue).AreOpenAt(now),
            venue.EventSeq, venue.AwaitingApproval.Count, venue.Settings.Display ?? DisplaySettings.Default, venue.Settings.Player ?? PlayerSettings.Default, VenuePrices.Of(venue.Settings));
    }

    /// <summary>One queued item as <see cref="Snapshot"/> would show it, without building the whole snapshot.</summary>
    public QueueItem QueuedItem(int position, DateTimeOffset now)
    {
        var start = NowPlayingEndsAt(now);
        for (var i = 0; i < position - 1; i++)
        {
            start += LengthOf(venue.Queue[i]);
        }

        return venue.Queue[position - 1].ToRoomView(position, start);
    }

    /// <summary>When the song playing now should end, from the player's reported position; now when nothing plays.</summary>
    private DateTimeOffset NowPlayingEndsAt(DateTimeOffset now)
    {
        if (venue.NowPlaying is not { } playing)
        {
            return now;
        }

        var played = venue.Player.ReportedStatus == PlayerStatuses.Idle
            ? now - (playing.StartedAt ?? now)
            : TimeSpan.FromSeconds(venue.Player.PositionSeconds);
        var length = LengthOf(playing);
        return now + (length > played ? length - played : TimeSpan.Zero);
    }

    private static TimeSpan LengthOf(QueueEntry entry) =>
        entry.DurationSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : AssumedSongLength;
}
