namespace Singr.Grains.Interfaces.Catalog;

/// <summary>
/// A video's own price at a venue that charges by video: 1 credit, one more for a popular video (over a million views),
/// one more for a long one (over five minutes), never more than <see cref="Most"/>.
/// </summary>
public static class VideoCredits
{
    public const int Base = 1;
    public const int Most = 5;
    public const long PopularViews = 1_000_000;
    public const int LongSeconds = 300;

    public static int For(long viewCount, int durationSeconds)
    {
        var credits = Base;
        if (viewCount > PopularViews)
        {
            credits++;
        }

        if (durationSeconds > LongSeconds)
        {
            credits++;
        }

        return Math.Min(credits, Most);
    }
}
