using System.Net;

namespace Singr.Api.Tests;

/// <summary>A server with no YouTube key: jukebox search says it is off, and a venue pricing by video cannot price one.</summary>
public sealed class YouTubeSearchOffTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task Without_a_youtube_key_jukebox_search_is_refused_as_switched_off_with_a_clear_message()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();

        using var response = await owner.SendAsync(HttpMethod.Get, $"/v1/venues/{slug}/songs/search?q=abba&kind=jukebox");
        var error = await EnvelopeJson.ErrorOfAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("JUKEBOX_SEARCH_OFF", error.GetProperty("code").GetString());
        Assert.Contains("no YouTube API key", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Video search isn't available here.", error.GetProperty("userMessage").GetString());
    }

    [Fact]
    public async Task Without_a_youtube_key_a_venue_pricing_by_video_refuses_a_video_and_charges_nothing_while_a_flat_venue_charges_as_usual()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var byVideo = await owner.CreateVenueAsync();
        var flat = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(byVideo, new { mode = "PAID", jukeboxPricing = "BY_VIDEO" });
        await owner.SetSettingsAsync(flat, new { mode = "PAID", costPerSong = 2 });
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        await app.GrantCreditsAsync(patron.UserId, 10);

        using var refused = await patron.SendAsync(HttpMethod.Post, $"/v1/venues/{byVideo}/queue", ApiUser.Song());
        var untouched = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");
        await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{flat}/queue", ApiUser.Song());
        var charged = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");
        var queue = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{byVideo}/queue");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("JUKEBOX_SEARCH_OFF", (await EnvelopeJson.ErrorOfAsync(refused)).GetProperty("code").GetString());
        Assert.Equal(10, untouched.GetProperty("balance").GetInt32());
        Assert.Equal(8, charged.GetProperty("balance").GetInt32());
        Assert.Empty(queue.GetProperty("items").EnumerateArray());
        Assert.Equal("BY_VIDEO", queue.GetProperty("prices").GetProperty("jukeboxPricing").GetString());
    }
}
