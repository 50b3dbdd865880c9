namespace Singr.Api.Queue;

/// <summary>A song request: karaoke (artist, title, keyChange, notes, singer) or jukebox (youtubeId, title, artist, duration, thumbnailUrl).</summary>
/// <param name="Duration">Seconds.</param>
/// <param name="Priority">HYBRID venues: pay the priority cost to go ahead of free requests.</param>
/// <param name="OnBehalfOf">A host requesting for a patron: the patron's name (free, past patron limits).</param>
public sealed record SongRequestBody(
    string? Kind,
    string? Title,
    string? Artist,
    int? KeyChange,
    string? Notes,
    string? Singer,
    string? YoutubeId,
    int? Duration,
    string? ThumbnailUrl,
    bool? Priority,
    string? OnBehalfOf);
