namespace Singr.Api.Catalog;

/// <summary>A video a patron may request at this venue; request it with its <paramref name="YoutubeId"/>.</summary>
/// <param name="Artist">From a title of the form "Artist - Title", or else the channel.</param>
/// <param name="Credits">What a request for it costs here: 0 where requests are free, the venue's usual cost, or the video's own price (BY_VIDEO).</param>
public sealed record JukeboxVideo(
    string YoutubeId,
    string Title,
    string Artist,
    string ChannelTitle,
    int DurationSeconds,
    string? ThumbnailUrl,
    long ViewCount,
    int Credits);
