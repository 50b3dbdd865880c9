namespace Singr.Api.Catalog.YouTubeApi;

internal sealed record YouTubeVideoItem(string? Id, YouTubeSnippet? Snippet, YouTubeContentDetails? ContentDetails, YouTubeStatistics? Statistics);
