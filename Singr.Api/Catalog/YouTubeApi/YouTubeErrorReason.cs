namespace Singr.Api.Catalog.YouTubeApi;

internal sealed record YouTubeErrorReason(string? Domain, string? Reason);
