namespace Singr.Grains.Interfaces.Queue;

/// <summary>Songs a venue refuses: by artist, by title (whole, any case) or by video id.</summary>
public sealed record Blocklist(IReadOnlyList<string> Artists, IReadOnlyList<string> Titles, IReadOnlyList<string> VideoIds)
{
    public static Blocklist Empty { get; } = new([], [], []);
}
