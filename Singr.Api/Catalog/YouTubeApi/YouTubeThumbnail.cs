namespace Singr.Api.Catalog.YouTubeApi;

internal sealed record YouTubeThumbnail(string? Url);
