namespace Singr.Grains.Interfaces.Catalog;

/// <summary>What YouTube Data API v3 calls cost in quota units.</summary>
public static class YouTubeQuotaCosts
{
    /// <summary><c>search.list</c>.</summary>
    public const int Search = 100;

    /// <summary><c>videos.list</c>, for up to 50 videos at once.</summary>
    public const int Videos = 1;

    /// <summary>The share of the day's quota at which operators are warned, once a day.</summary>
    public const double WarningShare = 0.9;
}
