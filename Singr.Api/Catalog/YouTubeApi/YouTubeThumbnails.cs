using System.Text.Json.Serialization;

namespace Singr.Api.Catalog.YouTubeApi;

internal sealed record YouTubeThumbnails(
    [property: JsonPropertyName("default")] YouTubeThumbnail? Default,
    YouTubeThumbnail? Medium,
    YouTubeThumbnail? High);
