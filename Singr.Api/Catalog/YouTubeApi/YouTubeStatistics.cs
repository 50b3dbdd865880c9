using System.Text.Json.Serialization;

namespace Singr.Api.Catalog.YouTubeApi;

/// <param name="ViewCount">YouTube sends it as a string; absent where the owner hides it.</param>
internal sealed record YouTubeStatistics(
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] long? ViewCount);
