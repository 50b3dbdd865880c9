using System.Net;

namespace Singr.Api.Tests;

public sealed class RequestHistoryTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task Hosts_see_their_venues_most_requested_songs_and_most_active_patrons_in_a_date_range()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { noRepeatMinutes = 0, maxPendingPerPatron = 10 });
        var ann = await ApiUser.RegisterAsync(app.Client, "Ann");
        var bob = await ApiUser.RegisterAsync(app.Client, "Bob");
        foreach (var (who, title) in new[] { (ann, "Wonderwall"), (bob, "wonderwall"), (ann, "Yellow"), (ann, "Creep") })
        {
            var queued = await who.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", new { kind = "karaoke", artist = "Oasis", title });

            // Ended at once, so the same song may be requested again; history counts every request.
            await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{slug}/queue/{queued.GetProperty("item").GetProperty("id").GetString()}", new { status = "skipped" });
        }

        var top = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/customer/requests/top?venueId={slug}&limit=2");
        var future = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get,
            $"/v1/customer/requests/top?venueId={slug}&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(2).ToString("O"))}");
        using var missingVenue = await owner.SendAsync(HttpMethod.Get, "/v1/customer/requests/top?limit=99");

        var songs = top.GetProperty("songs").EnumerateArray().ToList();
        Assert.Equal(2, songs.Count);
        Assert.Equal(("Wonderwall", 2), (songs[0].GetProperty("title").GetString(), songs[0].GetProperty("requests").GetInt32()));
        Assert.Equal([("Ann", 3), ("Bob", 1)], top.GetProperty("patrons").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("requests").GetInt32())).ToList());
        Assert.Empty(future.GetProperty("songs").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, missingVenue.StatusCode);
        Assert.Equal(
            ["limit", "venueId"],
            (await EnvelopeJson.ErrorOfAsync(missingVenue)).GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList());
    }
}
