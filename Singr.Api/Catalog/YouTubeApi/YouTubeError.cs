namespace Singr.Api.Catalog.YouTubeApi;

internal sealed record YouTubeError(int? Code, string? Message, IReadOnlyList<YouTubeErrorReason>? Errors);
