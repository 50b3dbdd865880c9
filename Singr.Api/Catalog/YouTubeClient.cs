using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Singr.Api.Catalog.YouTubeApi;
using Singr.Grains.Interfaces.Catalog;
using Singr.Grains.Interfaces.Queue;

namespace Singr.Api.Catalog;

/// <summary>
/// The two YouTube Data API v3 calls jukebox search makes (a typed <see cref="HttpClient"/>): <c>search.list</c> for
/// music videos, then <c>videos.list</c> for their length, views and thumbnails. Any failure is a
/// <see cref="YouTubeCallFailedException"/>; quota is <see cref="VideoCatalog"/>'s business, not this class's.
/// </summary>
public sealed class YouTubeClient(HttpClient http, IOptions<YouTubeOptions> options)
{
    /// <summary>YouTube's own limit for both calls.</summary>
    public const int MaxResults = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] QuotaReasons = ["quotaExceeded", "dailyLimitExceeded"];

    /// <summary>Ids of music videos matching <paramref name="query"/>, best first (moderate safe search).</summary>
    public async Task<IReadOnlyList<string>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var list = await GetAsync<YouTubeSearchList>("search", [
            new("part", "snippet"),
            new("type", "video"),
            new("videoCategoryId", "10"),
            new("safeSearch", "moderate"),
            new("maxResults", Math.Clamp(limit, 1, MaxResults).ToString(CultureInfo.InvariantCulture)),
            new("q", query),
        ], cancellationToken);
        return [.. (list.Items ?? []).Select(i => i.Id?.VideoId).OfType<string>().Where(SongRules.IsVideoId).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The videos of <paramref name="ids"/> that can be queued, in the order asked: unknown, private and live ones, and
    /// those longer than a request may be, are left out.
    /// </summary>
    public async Task<IReadOnlyList<CatalogVideo>> VideosAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count is 0 or > MaxResults)
        {
            throw new ArgumentException($"1 to {MaxResults} ids.", nameof(ids));
        }

        var list = await GetAsync<YouTubeVideoList>("videos", [
            new("part", "snippet,contentDetails,statistics"),
            new("id", string.Join(',', ids)),
        ], cancellationToken);
        var byId = (list.Items ?? []).Select(Describe).OfType<CatalogVideo>().ToDictionary(v => v.YoutubeId, StringComparer.Ordinal);
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }

    private static CatalogVideo? Describe(YouTubeVideoItem item)
    {
        if (item is not { Id: { } id, Snippet: { Title: { Length: > 0 } title } snippet } || !SongRules.IsVideoId(id)
            || snippet.LiveBroadcastContent is not (null or "none")
            || IsoDuration.Seconds(item.ContentDetails?.Duration) is not { } seconds
            || seconds is < 1 or > SongRules.MaxDurationSeconds)
        {
            return null;
        }

        var channel = snippet.ChannelTitle ?? string.Empty;
        var views = Math.Max(0, item.Statistics?.ViewCount ?? 0);
        var thumbnail = snippet.Thumbnails?.Medium?.Url ?? snippet.Thumbnails?.Default?.Url;
        return new CatalogVideo(
            id,
            Clip(title.Trim(), SongRules.MaxTitleLength),
            Clip(VideoTitles.ArtistOf(title, channel), SongRules.MaxTitleLength),
            channel,
            seconds,
            thumbnail is not null && PublicUrls.IsPublicHttps(thumbnail) ? thumbnail : null,
            views,
            VideoCredits.For(views, seconds));
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    private async Task<T> GetAsync<T>(string resource, List<KeyValuePair<string, string?>> query, CancellationToken cancellationToken)
        where T : class
    {
        query.Add(new("key", options.Value.ApiKey));
        var uri = new Uri(resource + QueryString.Create(query).ToUriComponent(), UriKind.Relative);
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw await FailureOfAsync(resource, response, cancellationToken);
            }

            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new YouTubeCallFailedException(YouTubeFailure.Unavailable, $"YouTube {resource} answered null.");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or TaskCanceledException or JsonException or NotSupportedException)
        {
            // A timeout (TaskCanceledException while the caller still waits), a refused connection or an answer that is not JSON.
            throw new YouTubeCallFailedException(YouTubeFailure.Unavailable, $"YouTube {resource} did not answer: {ex.GetType().Name}.", ex);
        }
    }

    private static async Task<YouTubeCallFailedException> FailureOfAsync(string resource, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        YouTubeErrorReply? reply = null;
        try
        {
            reply = await response.Content.ReadFromJsonAsync<YouTubeErrorReply>(Json, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            // Not Google's error JSON (a proxy's page): the status says enough.
        }

        var reasons = (reply?.Error?.Errors ?? []).Select(e => e.Reason).OfType<string>().ToList();
        var failure = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests && reasons.Intersect(QuotaReasons, StringComparer.Ordinal).Any()
            ? YouTubeFailure.QuotaExceeded
            : YouTubeFailure.Unavailable;
        return new YouTubeCallFailedException(
            failure, $"YouTube {resource} answered {(int)response.StatusCode} ({string.Join(", ", reasons.DefaultIfEmpty("no reason"))}).");
    }
}
