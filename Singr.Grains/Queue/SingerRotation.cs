namespace Singr.Grains.Queue;

/// <summary>
/// Round-robin placement. An item's round is one more than the songs its singer has ahead of it, the song playing now
/// included; a new song goes before the first item of a later round. So a newcomer sings before anyone sings twice,
/// and a singer with two songs waiting gets the third round. Rounds only fall as songs play (a singer's song that
/// waited behind their own now counts as one round earlier) and hosts may move anyone, so the queue need not be
/// sorted by round: placing before the first later round, rather than after the last of its own, keeps the promise.
/// </summary>
public static class SingerRotation
{
    /// <summary>Who sings: the singer's name when the request gives one (a table requests for several people), else the patron.</summary>
    public static string SingerOf(QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return string.IsNullOrWhiteSpace(entry.SingerName) ? entry.PatronKey : $"singer:{entry.SingerName.Trim().ToLowerInvariant()}";
    }

    /// <summary>The index in <paramref name="queue"/> at which <paramref name="entry"/> joins its round.</summary>
    public static int PlaceFor(IReadOnlyList<QueueEntry> queue, QueueEntry entry, QueueEntry? nowPlaying)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var singer = SingerOf(entry);
        var songsAhead = new Dictionary<string, int>(StringComparer.Ordinal);
        if (nowPlaying is not null)
        {
            songsAhead[SingerOf(nowPlaying)] = 1;
        }

        var round = songsAhead.GetValueOrDefault(singer) + queue.Count(e => SingerOf(e) == singer) + 1;
        for (var i = 0; i < queue.Count; i++)
        {
            var other = SingerOf(queue[i]);
            var itsRound = songsAhead[other] = songsAhead.GetValueOrDefault(other) + 1;
            if (itsRound > round)
            {
                return i;
            }
        }

        return queue.Count;
    }
}
