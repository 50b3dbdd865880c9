using Microsoft.Extensions.Options;
using Orleans;
using Singr.Grains.Interfaces.Catalog;

namespace Singr.Api.Catalog;

/// <summary>
/// Music videos from YouTube, for jukebox search and for pricing a requested video: answers are reused for an hour
/// (<see cref="VideoCatalogCache"/>), and a call YouTube would charge for is made only once the day's quota grain has
/// reserved its units, so a spent quota stops the calls cluster-wide until midnight Pacific time.
/// </summary>
public sealed class VideoCatalog(
    YouTubeClient youTube,
    VideoCatalogCache cache,
    IGrainFactory grains,
    IOptions<YouTubeOptions> options,
    TimeProvider clock,
    ILogger<VideoCatalog> logger)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary>Videos matching <paramref name="query"/>, best first, before any venue's blocklist or prices.</summary>
    public Task<CatalogOutcome<IReadOnlyList<CatalogVideo>>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!Enabled)
        {
            return Task.FromResult(new CatalogOutcome<IReadOnlyList<CatalogVideo>>(null, CatalogErrors.SearchOff));
        }

        var normalised = Normalise(query);
        return cache.GetOrFetchAsync(
            FormattableString.Invariant($"search:{limit}:{normalised}"),
            () => FetchSearchAsync(normalised, limit),
            cancellationToken);
    }

    /// <summary>The video <paramref name="youtubeId"/> (an id <see cref="Grains.Interfaces.Queue.SongRules.IsVideoId"/> accepts).</summary>
    public Task<CatalogOutcome<CatalogVideo>> FindAsync(string youtubeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(youtubeId);
        if (!Enabled)
        {
            return Task.FromResult(new CatalogOutcome<CatalogVideo>(null, CatalogErrors.SearchOff));
        }

        return cache.GetOrFetchAsync(VideoKey(youtubeId), () => FetchVideoAsync(youtubeId), cancellationToken);
    }

    /// <summary>Lower case, single spaces: "  Bohemian  RHAPSODY " and "bohemian rhapsody" are one search.</summary>
    public static string Normalise(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return string.Join(' ', query.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string VideoKey(string youtubeId) => $"video:{youtubeId}";

    private async Task<CatalogOutcome<IReadOnlyList<CatalogVideo>>> FetchSearchAsync(string query, int limit)
    {
        // Both calls are reserved at once: a search whose details could not be read would show nothing.
        var (day, refusal) = await ReserveAsync(YouTubeQuotaCosts.Search + YouTubeQuotaCosts.Videos);
        if (refusal is not null)
        {
            return new(null, refusal.Value.Error, refusal.Value.RetryAt);
        }

        try
        {
            var ids = await youTube.SearchAsync(query, limit, CancellationToken.None);
            IReadOnlyList<CatalogVideo> videos = ids.Count == 0 ? [] : await youTube.VideosAsync(ids, CancellationToken.None);
            foreach (var video in videos)
            {
                cache.Keep(VideoKey(video.YoutubeId), video);
            }

            return new(videos);
        }
        catch (YouTubeCallFailedException failed)
        {
            var (error, retryAt) = await FailedAsync(failed, day);
            return new(null, error, retryAt);
        }
    }

    private async Task<CatalogOutcome<CatalogVideo>> FetchVideoAsync(string youtubeId)
    {
        var (day, refusal) = await ReserveAsync(YouTubeQuotaCosts.Videos);
        if (refusal is not null)
        {
            return new(null, refusal.Value.Error, refusal.Value.RetryAt);
        }

        try
        {
            return (await youTube.VideosAsync([youtubeId], CancellationToken.None)) is [var video]
                ? new(video)
                : new(null, CatalogErrors.VideoNotFound);
        }
        catch (YouTubeCallFailedException failed)
        {
            var (error, retryAt) = await FailedAsync(failed, day);
            return new(null, error, retryAt);
        }
    }

    private async Task<(YouTubeQuotaDay Day, (string Error, DateTimeOffset RetryAt)? Refusal)> ReserveAsync(int units)
    {
        var day = YouTubeQuotaDay.At(clock.GetUtcNow());
        var reserved = await grains.GetGrain<IYouTubeQuotaGrain>(day.Key).Reserve(units, options.Value.DailyQuotaUnits);
        return reserved.Granted ? (day, null) : (day, (CatalogErrors.QuotaSpent, day.ResetsAt));
    }

    private async Task<(string Error, DateTimeOffset? RetryAt)> FailedAsync(YouTubeCallFailedException failed, YouTubeQuotaDay day)
    {
        VideoCatalogLog.CallFailed(logger, failed.Failure, failed.Message);
        if (failed.Failure != YouTubeFailure.QuotaExceeded)
        {
            return (CatalogErrors.ProviderFailed, null);
        }

        await grains.GetGrain<IYouTubeQuotaGrain>(day.Key).MarkSpent(options.Value.DailyQuotaUnits);
        return (CatalogErrors.QuotaSpent, day.ResetsAt);
    }
}
