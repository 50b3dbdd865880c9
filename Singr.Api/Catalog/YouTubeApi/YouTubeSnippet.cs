namespace Singr.Api.Catalog.YouTubeApi;

/// <param name="LiveBroadcastContent"><c>none</c> for a video; <c>live</c> or <c>upcoming</c> for a stream, which a queue cannot play to its end.</param>
internal sealed record YouTubeSnippet(string? Title, string? ChannelTitle, YouTubeThumbnails? Thumbnails, string? LiveBroadcastContent);
