using System.Text.RegularExpressions;
using Singr.Grains.Interfaces.Access;

namespace Singr.Grains.Interfaces.Queue;

/// <summary>What makes a requested song valid (karaoke and jukebox fields); the API reports each problem by field.</summary>
public static partial class SongRules
{
    public const int MaxTitleLength = 200;
    public const int MaxNotesLength = 500;
    public const int MaxNameLength = 100;
    public const int MaxKeyChange = 6;
    public const int MaxDurationSeconds = 2 * 60 * 60;

    public static IReadOnlyList<FieldProblem> Check(SongDetails song)
    {
        ArgumentNullException.ThrowIfNull(song);
        var problems = new List<FieldProblem>();
        if (!RequestKinds.All.Contains(song.Kind))
        {
            problems.Add(new("kind", $"One of {string.Join(", ", RequestKinds.All)}."));
            return problems;
        }

        if (string.IsNullOrWhiteSpace(song.Title) || song.Title.Length > MaxTitleLength)
        {
            problems.Add(new("title", $"The title is required, at most {MaxTitleLength} characters."));
        }

        var artistRequired = song.Kind == RequestKinds.Karaoke;
        if ((artistRequired && string.IsNullOrWhiteSpace(song.Artist)) || song.Artist is { Length: > MaxTitleLength })
        {
            problems.Add(new("artist", artistRequired ? $"The artist is required, at most {MaxTitleLength} characters." : $"At most {MaxTitleLength} characters."));
        }

        if (song.Kind == RequestKinds.Karaoke)
        {
            if (song.KeyChange is < -MaxKeyChange or > MaxKeyChange)
            {
                problems.Add(new("keyChange", $"From -{MaxKeyChange} to +{MaxKeyChange} semitones."));
            }

            if (song.Notes is { Length: > MaxNotesLength })
            {
                problems.Add(new("notes", $"At most {MaxNotesLength} characters."));
            }

            if (song.SingerName is { Length: > MaxNameLength })
            {
                problems.Add(new("singer", $"At most {MaxNameLength} characters."));
            }
        }
        else
        {
            if (song.YoutubeId is null || !VideoId().IsMatch(song.YoutubeId))
            {
                problems.Add(new("youtubeId", "An 11-character YouTube video id is required."));
            }

            if (song.DurationSeconds is < 1 or > MaxDurationSeconds)
            {
                problems.Add(new("duration", $"From 1 to {MaxDurationSeconds} seconds."));
            }

            if (song.ThumbnailUrl is { } url && !PublicUrls.IsPublicHttps(url))
            {
                problems.Add(new("thumbnailUrl", $"An https URL on a public host name (no address, port or local name), at most {PublicUrls.MaxLength} characters."));
            }
        }

        return problems;
    }

    /// <summary>An 11-character YouTube video id.</summary>
    public static bool IsVideoId(string? text) => text is not null && VideoId().IsMatch(text);

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$", RegexOptions.CultureInvariant)]
    private static partial Regex VideoId();
}
