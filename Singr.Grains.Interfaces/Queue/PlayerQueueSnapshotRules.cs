using System.Text.RegularExpressions;
using Singr.Grains.Interfaces.Access;

namespace Singr.Grains.Interfaces.Queue;

/// <summary>What makes a player's queue snapshot valid, over HTTP and over the hub alike; each problem by field.</summary>
public static partial class PlayerQueueSnapshotRules
{
    /// <summary>Songs finished offline in one snapshot: hours of music, far more than the 20 the player keeps.</summary>
    public const int MaxPlayed = 100;

    /// <summary>Songs added at the player in one snapshot: as many as it keeps.</summary>
    public const int MaxAdded = 20;

    /// <summary>How a song finished offline can end.</summary>
    public static IReadOnlyList<string> Outcomes { get; } = [QueueItemStatuses.Played, QueueItemStatuses.Skipped, QueueItemStatuses.Failed];

    public static IReadOnlyList<FieldProblem> Check(PlayerQueueSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var problems = PlayerReportRules.Check(snapshot.Current).Select(p => new FieldProblem("state." + p.Field, p.Message)).ToList();
        if (snapshot.Played.Count > MaxPlayed)
        {
            problems.Add(new("played", $"At most {MaxPlayed} songs in one snapshot."));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (played, index) in snapshot.Played.Take(MaxPlayed).Select((p, i) => (p, i)))
        {
            var field = $"played[{index}]";
            if (played.Key is null || !KeyShape().IsMatch(played.Key))
            {
                problems.Add(new($"{field}.key", "1 to 64 letters, digits, '_' or '-'."));
            }
            else if (!keys.Add(played.Key))
            {
                problems.Add(new($"{field}.key", "Each record has its own key."));
            }

            if (played.ItemId == Guid.Empty)
            {
                problems.Add(new($"{field}.itemId", "The queue item that ended."));
            }

            if (played.Outcome is null || !Outcomes.Contains(played.Outcome))
            {
                problems.Add(new($"{field}.outcome", $"One of {string.Join(", ", Outcomes)}."));
            }

            if (played.EndedAt == default)
            {
                problems.Add(new($"{field}.endedAt", "When the song ended."));
            }
            else if (played.StartedAt is { } started && started > played.EndedAt)
            {
                problems.Add(new($"{field}.startedAt", "Not after endedAt."));
            }
        }

        if (snapshot.Added.Count > MaxAdded)
        {
            problems.Add(new("added", $"At most {MaxAdded} songs in one snapshot."));
        }

        var localIds = new HashSet<Guid>();
        foreach (var (added, index) in snapshot.Added.Take(MaxAdded).Select((a, i) => (a, i)))
        {
            if (added.LocalId == Guid.Empty || !localIds.Add(added.LocalId))
            {
                problems.Add(new($"added[{index}].localId", "A UUID of the player's own, one per song."));
            }

            problems.AddRange(SongRules.Check(added.Song).Select(p => new FieldProblem($"added[{index}].{p.Field}", p.Message)));
        }

        return problems;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyShape();
}
