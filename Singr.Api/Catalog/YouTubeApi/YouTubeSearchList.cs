namespace Singr.Api.Catalog.YouTubeApi;

/// <summary>The part of <c>search.list</c>'s answer Singr reads: the videos' ids, best first.</summary>
internal sealed record YouTubeSearchList(IReadOnlyList<YouTubeSearchItem>? Items);
