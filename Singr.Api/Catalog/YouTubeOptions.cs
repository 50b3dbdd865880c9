namespace Singr.Api.Catalog;

/// <summary>
/// <c>Singr:YouTube</c>: the YouTube Data API v3 that jukebox search goes through. Without an API key jukebox search is
/// off (JUKEBOX_SEARCH_OFF); tests point <see cref="BaseUrl"/> at a local fake.
/// </summary>
public sealed class YouTubeOptions
{
    public const string SectionName = "Singr:YouTube";

    public const string DefaultBaseUrl = "https://www.googleapis.com/youtube/v3";

    /// <summary>The API key (sent as <c>key=</c>, so never logged: the HTTP client logs query strings redacted).</summary>
    public string? ApiKey { get; set; }

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The project's daily quota in units (YouTube's default is 10,000).</summary>
    public int DailyQuotaUnits { get; set; } = 10_000;

    /// <summary>How long a search's and a video's answers are reused: a reused answer spends no quota.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one call to YouTube may take before the search is answered as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);
}
