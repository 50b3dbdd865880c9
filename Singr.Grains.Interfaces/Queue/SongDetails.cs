namespace Singr.Grains.Interfaces.Queue;

/// <summary>What is requested: karaoke fields (artist, title, key change, notes, singer) or jukebox fields (video).</summary>
public sealed record SongDetails(
    string Kind,
    string Title,
    string? Artist,
    int KeyChange = 0,
    string? Notes = null,
    string? SingerName = null,
    string? YoutubeId = null,
    int? DurationSeconds = null,
    string? ThumbnailUrl = null);
