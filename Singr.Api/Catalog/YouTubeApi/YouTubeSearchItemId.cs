namespace Singr.Api.Catalog.YouTubeApi;

/// <summary>A search result's id: <c>{"kind": "youtube#video", "videoId": "…"}</c>.</summary>
internal sealed record YouTubeSearchItemId(string? Kind, string? VideoId);
