namespace Singr.Grains.Interfaces.Queue;

/// <summary>Songs a venue refuses: by artist, by title (whole, any case) or by video id.</summary>
[GenerateSerializer]
[Alias("singr.queue.Blocklist")]
public sealed record Blocklist(
    [property: Id(0)] IReadOnlyList<string> Artists,
    [property: Id(1)] IReadOnlyList<string> Titles,
    [property: Id(2)] IReadOnlyList<string> VideoIds)
{
    public static Blocklist Empty { get; } = new([], [], []);
}
