using System.Net;
using Singr.Grains.Interfaces.Catalog;

namespace Singr.Api.Tests;

/// <summary>A day's YouTube quota of 205 units: two searches (101 each) fit, the second passes 90%, a third does not.</summary>
public sealed class YouTubeQuotaTests(SmallQuotaYouTubeAppFixture app) : IClassFixture<SmallQuotaYouTubeAppFixture>
{
    /// <summary><c>YouTubeQuotaLog.QuotaWarningEventId</c>: alerts key on it.</summary>
    private const int QuotaWarningEventId = 7301;

    [Fact]
    public async Task Quota_is_counted_the_ninety_percent_warning_is_raised_once_and_a_spent_day_refuses_search_without_calling_youtube()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        app.YouTube.Knows("first of the day", FakeVideo.Of("Band A - Song A"));
        app.YouTube.Knows("second of the day", FakeVideo.Of("Band B - Song B"));
        app.YouTube.Knows("third of the day", FakeVideo.Of("Band C - Song C"));
        var day = YouTubeQuotaDay.At(app.Clock.GetUtcNow());

        using var first = await SearchAsync(owner.Token, slug, "first of the day");
        var afterFirst = await UsageAsync(day);
        using var second = await SearchAsync(owner.Token, slug, "second of the day");
        var refusedAt = app.Clock.GetUtcNow();
        using var third = await SearchAsync(owner.Token, slug, "third of the day");
        using var thirdAgain = await SearchAsync(owner.Token, slug, "third of the day");
        using var cached = await SearchAsync(owner.Token, slug, "first of the day");
        var error = await EnvelopeJson.ErrorOfAsync(third);
        var retryAfter = long.Parse(third.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        var warnings = await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'youtube.quota_warning' AND resource_id = $1 AND (after->>'unitsUsed')::int = 202", day.Key);
        var logged = app.Factory.Logs.Records.Where(r => r.EventId == QuotaWarningEventId).ToList();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(101, afterFirst.UnitsUsed);
        Assert.Equal(202, (await UsageAsync(day)).UnitsUsed);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable), (third.StatusCode, thirdAgain.StatusCode));
        Assert.Equal("JUKEBOX_SEARCH_QUOTA_SPENT", error.GetProperty("code").GetString());
        Assert.Contains("midnight Pacific", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.InRange(retryAfter, 1, (long)Math.Ceiling((day.ResetsAt - refusedAt).TotalSeconds));
        Assert.Equal(0, app.YouTube.SearchesFor("third of the day"));
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal(1, app.YouTube.SearchesFor("first of the day"));
        Assert.Equal(1L, warnings);
        var warning = Assert.Single(logged);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("202 of 205", warning.Message, StringComparison.Ordinal);
    }

    private Task<YouTubeQuotaReservation> UsageAsync(YouTubeQuotaDay day) =>
        app.Grains.GetGrain<IYouTubeQuotaGrain>(day.Key).GetUsage(app.DailyQuotaUnits);

    private Task<HttpResponseMessage> SearchAsync(string token, string slug, string query) =>
        ApiUser.SendAsync(app.Client, HttpMethod.Get, $"/v1/venues/{slug}/songs/search?kind=jukebox&q={Uri.EscapeDataString(query)}", token);
}
