using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;

namespace Singr.Grains.Venues;

/// <summary>
/// A player back from an outage (<c>player:queue_snapshot</c>). The player wins about what played: each song it
/// finished ends as it recorded, once, however often the record is resent. The server keeps what patrons asked for
/// meanwhile: their songs stay queued where the rules put them. Songs added at the player join the queue as a host's
/// would. No I/O, like <see cref="PlayerAuthority"/>.
/// </summary>
public sealed class OfflinePlayback(VenueState venue, VenueTurn turn)
{
    /// <summary>Record keys remembered: many more than one snapshot holds, so a resend is always recognised.</summary>
    public const int RememberedKeys = 500;

    /// <summary>Who a song added at the player is requested by, as the room sees it.</summary>
    public const string AddedAtPlayerBy = "Venue player";

    public Outcome<PlayerSnapshotReply> Reconcile(PlayerQueueSnapshot snapshot, DateTimeOffset now, out bool changed)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (PlayerQueueSnapshotRules.Check(snapshot).Count > 0)
        {
            throw new ArgumentException("Invalid queue snapshot; the API and the hub validate it first.", nameof(snapshot));
        }

        var authority = new PlayerAuthority(venue, turn);
        if (authority.Admit(snapshot.Current, out changed) is { } refusal)
        {
            return Outcome.Refused<PlayerSnapshotReply>(refusal);
        }

        var keys = venue.Player.OfflineRecordKeys;
        var applied = new List<string>();
        var alreadyKnown = new List<string>();
        var ended = new List<object>();
        foreach (var record in snapshot.Played)
        {
            if (keys.Contains(record.Key) || !authority.EndPlayedOffline(record, now))
            {
                alreadyKnown.Add(record.Key);
            }
            else
            {
                applied.Add(record.Key);
                ended.Add(new { itemId = record.ItemId, status = record.Outcome });
            }

            if (!keys.Contains(record.Key))
            {
                keys.Add(record.Key);
            }
        }

        if (keys.Count > RememberedKeys)
        {
            keys.RemoveRange(0, keys.Count - RememberedKeys);
        }

        var added = snapshot.Added.Select(song => Add(song, snapshot.Current.PlayerId, now)).ToList();
        changed |= snapshot.Played.Count > 0;
        var report = authority.Take(snapshot.Current, now, ref changed);
        var queued = added.Where(a => a.Result.ItemId is not null && a.New).Select(a => a.Result.ItemId!.Value).ToList();
        if (applied.Count > 0 || queued.Count > 0)
        {
            changed = true;
            turn.Raise(VenueEvents.QueueReconcile, new
            {
                ended,
                added = queued,
                nowPlaying = report.NowPlaying,
                version = venue.QueueVersion,
                pendingCount = venue.Queue.Count,
            });
        }

        return Outcome.Ok(new PlayerSnapshotReply(report, applied, alreadyKnown, [.. added.Select(a => a.Result)]));
    }

    /// <summary>A song added at the player, queued once under its local id as a host's request: free, past patron limits.</summary>
    private (AddedAtPlayerResult Result, bool New) Add(AddedAtPlayer song, Guid playerId, DateTimeOffset now)
    {
        if (venue.Accepted.TryGetValue(song.LocalId, out var earlier))
        {
            return (new AddedAtPlayerResult(song.LocalId, earlier.Item.Id, null), false);
        }

        var lineup = new Lineup(venue, turn);
        var command = new RequestSong(song.LocalId, new Patron($"player:{playerId}", null, AddedAtPlayerBy), song.Song, Priority: false, ByHost: true);
        var (entry, refusal) = lineup.Admit(command, now);
        if (entry is null)
        {
            return (new AddedAtPlayerResult(song.LocalId, null, refusal), false);
        }

        return (new AddedAtPlayerResult(song.LocalId, lineup.Accept(entry, now).Item.Id, null), true);
    }
}
