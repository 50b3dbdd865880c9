using System.Net;
using System.Net.Http.Json;

namespace Singr.Api.Tests.Owasp;

/// <summary>
/// OWASP API6:2023, unrestricted access to sensitive business flows: what a script would automate. Minting a guest per
/// request to dodge the per-patron limits, and retrying one request over and over. A retry must neither cost a patron
/// their allowance nor give anyone unlimited turns of a venue.
/// </summary>
public sealed class Api6BusinessFlowTests(ApiDatabaseFixture fixture) : IClassFixture<ApiDatabaseFixture>
{
    [Fact]
    public async Task Retrying_an_acknowledged_request_costs_none_of_the_patrons_ten_requests_an_hour()
    {
        await using var factory = new SingrApiFactory(fixture.Database, productionRateLimits: true);
        using var client = factory.CreateClient();
        var (slug, guest) = await VenueWithGuestAsync(client);
        var song = ApiUser.Song("Flaky Wi-Fi");

        using var first = await RequestAsync(client, slug, guest, song, "retry-me");
        var firstId = await ItemIdAsync(first);
        var retries = new List<(HttpStatusCode, Guid?)>();
        for (var i = 0; i < 12; i++)
        {
            using var retry = await RequestAsync(client, slug, guest, song, "retry-me");
            retries.Add((retry.StatusCode, retry.IsSuccessStatusCode ? await ItemIdAsync(retry) : null));
        }

        var fresh = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var another = await RequestAsync(client, slug, guest, ApiUser.Song($"Fresh {i}"), $"fresh-{i}");
            fresh.Add(another.StatusCode);
        }

        Assert.All(retries, r => Assert.Equal((HttpStatusCode.Created, firstId), r));
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, 9), HttpStatusCode.TooManyRequests], fresh);
    }

    [Fact]
    public async Task Retries_have_an_allowance_of_their_own_thirty_a_minute_so_one_key_cannot_hold_a_venue_busy()
    {
        await using var factory = new SingrApiFactory(fixture.Database, productionRateLimits: true);
        using var client = factory.CreateClient();
        var (slug, guest) = await VenueWithGuestAsync(client);
        var song = ApiUser.Song("Again And Again");
        using var first = await RequestAsync(client, slug, guest, song, "hammer");

        var retries = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++)
        {
            using var retry = await RequestAsync(client, slug, guest, song, "hammer");
            retries.Add(retry.StatusCode);
        }

        using var newSong = await RequestAsync(client, slug, guest, ApiUser.Song("Something New"), "new-one");

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, 30), HttpStatusCode.TooManyRequests], retries);
        Assert.Equal(HttpStatusCode.Created, newSong.StatusCode);
    }

    [Fact]
    public async Task A_key_never_acknowledged_counts_as_a_new_request_so_made_up_keys_buy_nothing()
    {
        await using var factory = new SingrApiFactory(fixture.Database, productionRateLimits: true);
        using var client = factory.CreateClient();
        var (slug, guest) = await VenueWithGuestAsync(client);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            // A key the venue never acknowledged is a new request, however the script names it.
            using var attempt = await RequestAsync(client, slug, guest, ApiUser.Song($"Attempt {i}"), $"made-up-{i}");
            statuses.Add(attempt.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, 10), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Minting_guests_from_one_address_stops_at_sixty_a_minute_while_the_next_table_still_signs_in()
    {
        await using var factory = new SingrApiFactory(fixture.Database, productionRateLimits: true);
        using var client = factory.CreateClient();
        var (owner, _) = await ApiUser.RegisterOwnerAsync(client);
        var slug = await owner.CreateVenueAsync();

        var minted = new List<HttpStatusCode>();
        for (var i = 0; i < 61; i++)
        {
            using var session = await GuestSessionAsync(client, slug, $"script-{i:D3}", "198.51.100.70");
            minted.Add(session.StatusCode);
        }

        using var nextTable = await GuestSessionAsync(client, slug, "table-7-phone", "198.51.100.71");

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 60), HttpStatusCode.TooManyRequests], minted);
        Assert.Equal(HttpStatusCode.OK, nextTable.StatusCode);
    }

    private static async Task<(string Slug, string Guest)> VenueWithGuestAsync(HttpClient client)
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(client);
        var slug = await owner.CreateVenueAsync();
        await VenueActions.AllowManyRequestsAsync(owner, slug);
        return (slug, await ApiUser.GuestTokenAsync(client, slug));
    }

    private static Task<HttpResponseMessage> RequestAsync(HttpClient client, string slug, string token, object song, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/v1/venues/{slug}/queue", UriKind.Relative)) { Content = JsonContent.Create(song) };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> GuestSessionAsync(HttpClient client, string slug, string deviceId, string from) =>
        FromAddress.PostAsync(client, "/v1/auth/guest", new { venueId = slug, deviceId }, from);

    private static async Task<Guid> ItemIdAsync(HttpResponseMessage response) =>
        (await EnvelopeJson.DataOfAsync(response)).GetProperty("item").GetProperty("id").GetGuid();
}
