namespace Singr.Api.Catalog;

/// <summary>A video as YouTube describes it, the same for every venue (so it is cached once for all of them).</summary>
/// <param name="Artist">From a title of the form "Artist - Title", or else the channel.</param>
/// <param name="VideoCredits">Its own price where a venue charges by video (<see cref="Grains.Interfaces.Catalog.VideoCredits"/>).</param>
public sealed record CatalogVideo(
    string YoutubeId,
    string Title,
    string Artist,
    string ChannelTitle,
    int DurationSeconds,
    string? ThumbnailUrl,
    long ViewCount,
    int VideoCredits);
