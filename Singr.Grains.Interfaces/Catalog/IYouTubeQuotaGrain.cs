namespace Singr.Grains.Interfaces.Catalog;

/// <summary>
/// The YouTube Data API units one quota day has spent, cluster-wide (keyed by <see cref="YouTubeQuotaDay.Key"/>): a
/// front end reserves the units of a call before it makes it, so no front end spends past the day's quota.
/// </summary>
[Alias("singr.catalog.IYouTubeQuotaGrain")]
public interface IYouTubeQuotaGrain : IGrainWithStringKey
{
    /// <summary>
    /// Reserves <paramref name="units"/> of the day's <paramref name="dailyUnits"/>, or refuses them all when they do
    /// not fit. The first reservation that reaches 90% of the quota raises the day's one warning.
    /// </summary>
    [Alias("Reserve")]
    Task<YouTubeQuotaReservation> Reserve(int units, int dailyUnits);

    /// <summary>YouTube said the quota is spent (403 quotaExceeded): nothing more is reserved today.</summary>
    [Alias("MarkSpent")]
    Task MarkSpent(int dailyUnits);

    [Alias("GetUsage")]
    Task<YouTubeQuotaReservation> GetUsage(int dailyUnits);
}
