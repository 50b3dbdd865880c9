namespace Singr.Api.Catalog.YouTubeApi;

/// <summary><c>videos.list</c>'s answer: the videos asked for that exist (unknown or private ids are left out).</summary>
internal sealed record YouTubeVideoList(IReadOnlyList<YouTubeVideoItem>? Items);
