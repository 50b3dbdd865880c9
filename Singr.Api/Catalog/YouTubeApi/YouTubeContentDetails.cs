namespace Singr.Api.Catalog.YouTubeApi;

/// <param name="Duration">ISO 8601, e.g. <c>PT3M33S</c>.</param>
internal sealed record YouTubeContentDetails(string? Duration);
