namespace Singr.Api.Catalog.YouTubeApi;

internal sealed record YouTubeSearchItem(YouTubeSearchItemId? Id);
