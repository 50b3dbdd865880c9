using System.Net;
using System.Text.Json;
using Singr.Grains.Interfaces.Catalog;

namespace Singr.Api.Tests;

/// <summary>Jukebox search through the YouTube Data API, against a local fake of it.</summary>
public sealed class YouTubeSearchTests(YouTubeAppFixture app) : IClassFixture<YouTubeAppFixture>
{
    private static readonly string[] BlockedArtists = ["NICKELBACK"];
    private static readonly string[] BlockedTitles = ["baby shark dance"];

    [Fact]
    public async Task A_jukebox_search_answers_music_videos_with_artist_length_views_and_what_each_costs_at_this_venue()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var queen = FakeVideo.Of("Queen - Bohemian Rhapsody (Official Video)", "Queen Official", "PT5M59S", 1_900_000_000);
        var short_ = FakeVideo.Of("Bohemian Rhapsody (cover)", "Garage Band VEVO", "PT2M1S", 950);
        app.YouTube.Knows("bohemian rhapsody official", queen, short_);
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);

        var free = await SearchAsync(guest, slug, "Bohemian Rhapsody official");
        await owner.SetSettingsAsync(slug, new { mode = "PAID", costPerSong = 2 });
        var flat = await SearchAsync(guest, slug, "Bohemian Rhapsody official");
        await owner.SetSettingsAsync(slug, new { jukeboxPricing = "BY_VIDEO" });
        var byVideo = await SearchAsync(guest, slug, "Bohemian Rhapsody official");
        var asked = app.YouTube.Calls("search").Single(q => q["q"] == "bohemian rhapsody official");
        var described = app.YouTube.Calls("videos").Single(q => q["id"].ToString().Contains(queen.Id, StringComparison.Ordinal));

        var first = free[0];
        Assert.Equal(
            (queen.Id, "Queen - Bohemian Rhapsody (Official Video)", "Queen", "Queen Official", 359, $"https://i.ytimg.com/vi/{queen.Id}/mqdefault.jpg", 1_900_000_000L),
            (first.GetProperty("youtubeId").GetString(), first.GetProperty("title").GetString(), first.GetProperty("artist").GetString(),
             first.GetProperty("channelTitle").GetString(), first.GetProperty("durationSeconds").GetInt32(), first.GetProperty("thumbnailUrl").GetString(),
             first.GetProperty("viewCount").GetInt64()));
        Assert.Equal("Garage Band", free[1].GetProperty("artist").GetString());
        Assert.Equal([0, 0], Credits(free));
        Assert.Equal([2, 2], Credits(flat));
        Assert.Equal([3, 1], Credits(byVideo));
        Assert.Equal("20", asked["maxResults"]);
        Assert.Equal("snippet,contentDetails,statistics", described["part"]);
    }

    [Fact]
    public async Task A_second_identical_search_within_the_hour_is_answered_from_the_cache_and_spends_no_quota_even_at_another_venue()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var other = await owner.CreateVenueAsync();
        app.YouTube.Knows("never gonna give you up cached", FakeVideo.Of("Rick Astley - Never Gonna Give You Up"));
        var before = await UnitsUsedAsync();

        var first = await SearchAsync(owner.Token, slug, "Never Gonna Give You Up cached");
        var afterFirst = await UnitsUsedAsync();
        var again = await SearchAsync(owner.Token, other, "  never gonna   GIVE you up CACHED ");
        var afterAgain = await UnitsUsedAsync();

        Assert.Equal(1, app.YouTube.SearchesFor("never gonna give you up cached"));
        Assert.Equal(first[0].GetProperty("youtubeId").GetString(), again[0].GetProperty("youtubeId").GetString());
        Assert.Equal(YouTubeQuotaCosts.Search + YouTubeQuotaCosts.Videos, afterFirst - before);
        Assert.Equal(afterFirst, afterAgain);
    }

    [Fact]
    public async Task Videos_the_venue_blocklists_by_artist_title_or_id_are_left_out_of_its_results_and_no_other_venues()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var other = await owner.CreateVenueAsync();
        var byArtist = FakeVideo.Of("Nickelback - How You Remind Me");
        var byTitle = FakeVideo.Of("Baby Shark Dance", "Pinkfong");
        var byId = FakeVideo.Of("Some Band - Fine Song");
        var kept = FakeVideo.Of("Good Band - Good Song");
        app.YouTube.Knows("party mix blocklist", byArtist, byTitle, byId, kept);
        await owner.SetSettingsAsync(slug, new { blocklist = new { artists = BlockedArtists, titles = BlockedTitles, videoIds = new[] { byId.Id } } });

        var filtered = await SearchAsync(owner.Token, slug, "party mix blocklist");
        var elsewhere = await SearchAsync(owner.Token, other, "party mix blocklist");

        Assert.Equal([kept.Id], filtered.Select(v => v.GetProperty("youtubeId").GetString()));
        Assert.Equal(4, elsewhere.Count);
        Assert.Equal(1, app.YouTube.SearchesFor("party mix blocklist"));
    }

    [Fact]
    public async Task At_a_paid_venue_that_prices_by_video_the_patron_is_charged_exactly_the_credits_the_search_showed()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { mode = "PAID", costPerSong = 1, jukeboxPricing = "BY_VIDEO" });
        var epic = FakeVideo.Of("Meat Loaf - I'd Do Anything For Love", "Meat Loaf", "PT12M1S", 600_000_000);
        app.YouTube.Knows("anything for love priced", epic);
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        await app.GrantCreditsAsync(patron.UserId, 10);

        var shown = (await SearchAsync(patron.Token, slug, "anything for love priced"))[0].GetProperty("credits").GetInt32();
        var accepted = await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue",
            new { youtubeId = epic.Id, title = "whatever the phone says", duration = 1 });
        var balance = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");
        var ledger = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits/transactions");
        using var unknown = await patron.SendAsync(HttpMethod.Post, $"/v1/venues/{slug}/queue", new { youtubeId = FakeVideo.NewId(), title = "Made Up" });
        var after = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");
        var item = accepted.GetProperty("item");

        Assert.Equal(3, shown);
        Assert.Equal(7, balance.GetProperty("balance").GetInt32());
        Assert.Equal([-3, 10], ledger.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("amount").GetInt32()));
        Assert.Equal(3, item.GetProperty("creditsCost").GetInt32());
        Assert.Equal(("Meat Loaf - I'd Do Anything For Love", 721), (item.GetProperty("title").GetString(), item.GetProperty("durationSeconds").GetInt32()));
        Assert.Equal(1, app.YouTube.VideoCallsFor(epic.Id));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal("VIDEO_NOT_FOUND", (await EnvelopeJson.ErrorOfAsync(unknown)).GetProperty("code").GetString());
        Assert.Equal(7, after.GetProperty("balance").GetInt32());
    }

    [Fact]
    public async Task A_youtube_that_fails_or_does_not_answer_in_time_is_a_502_in_the_envelope_and_the_next_search_tries_again()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        app.YouTube.Fails("provider down", 500, "backendError");
        app.YouTube.Fails("provider slow", 200, "never mind", delay: TimeSpan.FromSeconds(6));

        using var down = await SearchResponseAsync(owner.Token, slug, "provider down");
        using var downAgain = await SearchResponseAsync(owner.Token, slug, "provider down");
        using var slow = await SearchResponseAsync(owner.Token, slug, "provider slow");
        var error = await EnvelopeJson.ErrorOfAsync(down);

        Assert.Equal((HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.BadGateway), (down.StatusCode, downAgain.StatusCode, slow.StatusCode));
        Assert.Equal("JUKEBOX_PROVIDER_FAILED", error.GetProperty("code").GetString());
        Assert.Equal("JUKEBOX_PROVIDER_FAILED", (await EnvelopeJson.ErrorOfAsync(slow)).GetProperty("code").GetString());
        Assert.Contains("try again", error.GetProperty("userMessage").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, app.YouTube.SearchesFor("provider down"));
    }

    [Fact]
    public async Task A_quota_youtube_itself_says_is_spent_switches_search_off_until_midnight_pacific_without_calling_it_again()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        app.YouTube.Fails("quota gone", 403, "quotaExceeded");
        app.YouTube.Knows("after quota gone", FakeVideo.Of("Late Band - Late Song"));
        // A day of its own, so the other tests' day keeps its quota.
        app.Clock.Offset = TimeSpan.FromDays(3);
        try
        {
            var askedAt = app.Clock.GetUtcNow();
            var untilReset = (YouTubeQuotaDay.At(askedAt).ResetsAt - askedAt).TotalSeconds;
            using var spent = await SearchResponseAsync(owner.Token, slug, "quota gone");
            using var next = await SearchResponseAsync(owner.Token, slug, "after quota gone");
            var retryAfter = int.Parse(next.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);

            Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable), (spent.StatusCode, next.StatusCode));
            Assert.Equal("JUKEBOX_SEARCH_QUOTA_SPENT", (await EnvelopeJson.ErrorOfAsync(next)).GetProperty("code").GetString());
            Assert.InRange(retryAfter, untilReset - 60, Math.Ceiling(untilReset));
            Assert.Equal(0, app.YouTube.SearchesFor("after quota gone"));
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
    }

    private async Task<int> UnitsUsedAsync() =>
        (await app.Grains.GetGrain<IYouTubeQuotaGrain>(YouTubeQuotaDay.At(app.Clock.GetUtcNow()).Key).GetUsage(app.DailyQuotaUnits)).UnitsUsed;

    private static List<int> Credits(List<JsonElement> videos) => [.. videos.Select(v => v.GetProperty("credits").GetInt32())];

    private Task<HttpResponseMessage> SearchResponseAsync(string token, string slug, string query) =>
        ApiUser.SendAsync(app.Client, HttpMethod.Get, $"/v1/venues/{slug}/songs/search?kind=jukebox&q={Uri.EscapeDataString(query)}", token);

    private async Task<List<JsonElement>> SearchAsync(string token, string slug, string query)
    {
        using var response = await SearchResponseAsync(token, slug, query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await EnvelopeJson.DataOfAsync(response)).EnumerateArray()];
    }
}
