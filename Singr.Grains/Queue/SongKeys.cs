using Singr.Grains.Interfaces.Queue;

namespace Singr.Grains.Queue;

/// <summary>What makes two requests the same song, and whether a song is on a blocklist.</summary>
public static class SongKeys
{
    public static string Of(SongDetails song)
    {
        ArgumentNullException.ThrowIfNull(song);
        return song.YoutubeId is { Length: > 0 } video
            ? $"video:{video}"
            : $"song:{Normalize(song.Artist)}|{Normalize(song.Title)}";
    }

    public static bool IsBlocked(SongDetails song, Blocklist blocklist)
    {
        ArgumentNullException.ThrowIfNull(song);
        ArgumentNullException.ThrowIfNull(blocklist);
        return blocklist.Artists.Any(a => Normalize(a) == Normalize(song.Artist))
            || blocklist.Titles.Any(t => Normalize(t) == Normalize(song.Title))
            || (song.YoutubeId is { Length: > 0 } video && blocklist.VideoIds.Contains(video, StringComparer.Ordinal));
    }

    private static string Normalize(string? text) =>
        string.Join(' ', (text ?? string.Empty).ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
