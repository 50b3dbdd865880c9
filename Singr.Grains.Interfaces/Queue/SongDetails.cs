namespace Singr.Grains.Interfaces.Queue;

/// <summary>What is requested: karaoke fields (artist, title, key change, notes, singer) or jukebox fields (video).</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.SongDetails")]
public sealed record SongDetails(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Artist,
    [property: Id(3)] int KeyChange = 0,
    [property: Id(4)] string? Notes = null,
    [property: Id(5)] string? SingerName = null,
    [property: Id(6)] string? YoutubeId = null,
    [property: Id(7)] int? DurationSeconds = null,
    [property: Id(8)] string? ThumbnailUrl = null);
