using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Singr.Api.Http;
using Singr.Api.Hubs;

namespace Singr.Api.Tests;

/// <summary>
/// Requests an outside tester sent to a real server: ids that are dot segments, text PostgreSQL cannot store, targets,
/// headers and bodies past Singr's limits. Each is refused in the envelope before a handler runs, and changes nothing.
/// </summary>
public sealed class HostileRequestTests(KestrelAppFixture app) : IClassFixture<KestrelAppFixture>
{
    private Uri Server => app.Client.BaseAddress!;

    [Theory]
    [InlineData("..")]
    [InlineData("%2e%2e")]
    [InlineData("%2E%2E")]
    [InlineData(".%2e")]
    public async Task A_player_id_that_is_a_dot_segment_is_refused_and_never_deletes_the_venue(string playerId)
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();

        var answer = await RawHttp.SendAsync(Server, "DELETE", $"/v1/venues/{slug}/players/{playerId}", owner.Token);

        Assert.Equal(400, answer.Status);
        Assert.Equal("path", answer.Error().GetProperty("details")[0].GetProperty("field").GetString());
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}");
    }

    [Fact]
    public async Task A_queue_item_or_request_id_that_is_a_dot_segment_reaches_neither_the_venue_nor_the_organisation()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();

        var patch = await RawHttp.SendAsync(Server, "PATCH", $"/v1/venues/{slug}/queue/%2e%2e", owner.Token, body: """{"name":"Renamed"}""");
        var read = await RawHttp.SendAsync(Server, "GET", "/v1/customer/requests/%2e%2e", owner.Token);

        Assert.Equal((400, 400), (patch.Status, read.Status));
        var venue = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}");
        Assert.Equal("The Microphone", venue.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("title", """{"kind":"karaoke","title":"a\u0000b","artist":"x"}""")]
    [InlineData("artist", """{"kind":"karaoke","title":"Song","artist":"x\ud800"}""")]
    [InlineData("notes", """{"kind":"karaoke","title":"Song","artist":"x","notes":"\udc00 low half"}""")]
    public async Task A_request_with_text_that_cannot_be_stored_is_a_400_naming_the_field_and_queues_nothing(string field, string body)
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/venues/{slug}/queue") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", guest);

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await EnvelopeJson.ErrorOfAsync(response);
        Assert.Equal("VALIDATION_ERROR", error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("details")[0].GetProperty("field").GetString());
        Assert.Equal(StorableText.Problem, error.GetProperty("details")[0].GetProperty("message").GetString());
        var queue = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/queue");
        Assert.Equal(0, queue.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_NUL_in_a_query_or_a_guest_sign_in_is_a_400_naming_the_field_without_signing_in()
    {
        using var search = await app.Client.GetAsync(new Uri("/v1/venues?search=a%00b", UriKind.Relative));
        using var guest = await ApiUser.SendAsync(app.Client, HttpMethod.Post, "/v1/auth/guest", token: null, new { venueId = "demo\u0000venue", deviceId = "kiosk-1" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (search.StatusCode, guest.StatusCode));
        Assert.Equal("search", (await EnvelopeJson.ErrorOfAsync(search)).GetProperty("details")[0].GetProperty("field").GetString());
        Assert.Equal("venueId", (await EnvelopeJson.ErrorOfAsync(guest)).GetProperty("details")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_hub_call_with_text_that_cannot_be_stored_is_refused_naming_the_argument_and_the_connection_goes_on()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await using var hub = await HubConnections.ConnectOverSocketAsync(Server, HubConnections.VenueHub, owner.Token);

        var join = await hub.InvokeAsync("JoinVenue", slug + "\u0000", null);
        var quota = await hub.InvokeAsync("RefreshQuota", "\u0000");
        var joined = await hub.InvokeAsync("JoinVenue", slug, null);

        Assert.Contains($"HubException: VALIDATION_ERROR: venueId: {StorableText.Problem}", join.Error!, StringComparison.Ordinal);
        Assert.Contains("HubException: VALIDATION_ERROR: venueId: ", quota.Error!, StringComparison.Ordinal);
        Assert.Equal(slug, joined.Ok("joining after the refusals").GetProperty("venueId").GetString());
    }

    [Fact]
    public async Task Refused_hub_calls_are_logged_without_a_stack_trace_and_at_most_20_times_a_connection()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        await using var hub = await HubConnections.ConnectOverSocketAsync(Server, HubConnections.VenueHub, guest);

        for (var call = 0; call < 50; call++)
        {
            Assert.False((await hub.InvokeAsync("JoinVenue", "someone-elses-bar", null)).Succeeded);
        }

        // (Past 20 calls a second the connection's own limit refuses them too: those are refusals as well.)
        await using var next = await HubConnections.ConnectOverSocketAsync(Server, HubConnections.VenueHub, guest);
        var joined = await next.InvokeAsync("JoinVenue", slug, null);

        Assert.Equal(slug, joined.Ok("the same guest joining its own venue").GetProperty("venueId").GetString());
        var connectionId = app.Factory.Logs.Records
            .Where(r => r.Category == typeof(HubCallLogging).FullName && r.Message.Contains("VENUE_", StringComparison.Ordinal))
            .Select(r => r.Properties["ConnectionId"])
            .Last();
        var logged = app.Factory.Logs.Records.Where(r => r.Category == typeof(HubCallLogging).FullName && Equals(r.Properties["ConnectionId"], connectionId)).ToList();
        Assert.Equal(HubCallLogging.RefusalsLoggedPerConnection, logged.Count);
        Assert.All(logged, r => Assert.Equal((LogLevel.Information, (string?)null), (r.Level, r.Exception)));
        Assert.DoesNotContain(app.Factory.Logs.Records, r => r.Category.StartsWith("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_thousand_unreadable_bodies_sent_32_at_a_time_are_each_a_400_and_the_server_logs_no_reading_error()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        string[] bodies =
        [
            """{"title": "\ud800"}""", """{"kind":"karaoke","title":"a\u0000"}""", """{"kind": 42}""", """{"title": [1,2,""",
            """{"kind":"karaoke","title":{}}""", "[", """{"priority": "yes"}""",
        ];

        await Parallel.ForAsync(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, token) =>
        {
            // Half of them with 60 KB still to come after the fault, so the server answers before it has read them.
            var body = bodies[i % bodies.Length] + new string(' ', i % 2 == 0 ? 60_000 : 3_000);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/venues/{slug}/queue") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new("Bearer", guest);
            using var response = await app.Client.SendAsync(request, token);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        });

        Assert.DoesNotContain(app.Factory.Logs.Records, r => $"{r.Message} {r.Exception}".Contains("Reading is already in progress", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Factory.Logs.Records, r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_NUL_in_a_path_is_refused_by_the_server_itself_before_any_route_and_nothing_names_the_server()
    {
        var answer = await RawHttp.SendAsync(Server, "GET", "/v1/venues/a%00b");
        var api = await RawHttp.SendAsync(Server, "GET", "/v1/venues");

        // Kestrel cannot parse such a target, so it answers alone: a bare 400 and a closed connection (see KestrelSettings).
        Assert.Equal((400, "close"), (answer.Status, answer.Headers["Connection"]));
        Assert.False(answer.Headers.ContainsKey("Server"));
        Assert.False(api.Headers.ContainsKey("Server"));
    }

    [Fact]
    public async Task A_body_that_is_not_UTF_8_is_a_400_even_where_the_bad_bytes_are_a_field_name_nobody_reads()
    {
        using var content = new ByteArrayContent([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]) { Headers = { ContentType = new("application/json") } };

        using var response = await app.Client.PostAsync(new Uri("/v1/auth/logout", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_REQUEST", (await EnvelopeJson.ErrorOfAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_path_or_query_past_8_KB_is_414_and_headers_past_32_KB_are_431_in_the_envelope()
    {
        var longPath = await RawHttp.SendAsync(Server, "GET", "/v1/venues/" + new string('a', 70 * 1024));
        var longQuery = await RawHttp.SendAsync(Server, "GET", "/v1/venues?search=" + new string('a', 100 * 1024));
        var bigHeader = await RawHttp.SendAsync(Server, "GET", "/v1/venues", headers: ["X-Padding: " + new string('a', 40 * 1024)]);

        Assert.Equal((414, "URI_TOO_LONG"), (longPath.Status, longPath.Error().GetProperty("code").GetString()));
        Assert.Equal((414, "URI_TOO_LONG"), (longQuery.Status, longQuery.Error().GetProperty("code").GetString()));
        Assert.Equal((431, "HEADERS_TOO_LARGE"), (bigHeader.Status, bigHeader.Error().GetProperty("code").GetString()));
        Assert.False(string.IsNullOrEmpty(bigHeader.Error().GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_body_past_64_KB_is_413_in_the_envelope_whether_its_length_is_declared_or_not_and_creates_nothing()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var huge = $$"""{"venueId":"{{ApiUser.UniqueSlug()}}","name":"Big","timezone":"UTC","address":"{{new string('a', 10 * 1024 * 1024)}}"}""";
        using var declared = await Post(owner, new StringContent(huge, Encoding.UTF8, "application/json"));
        using var streamed = await Post(owner, new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge))) { Headers = { ContentType = new("application/json") } });

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE"), (declared.StatusCode, (await EnvelopeJson.ErrorOfAsync(declared)).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE"), (streamed.StatusCode, (await EnvelopeJson.ErrorOfAsync(streamed)).GetProperty("code").GetString()));
        var venues = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/venues");
        Assert.Equal(0, venues.GetProperty("pagination").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Pages_may_load_only_their_own_scripts_and_nothing_is_framed_sniffed_or_given_a_referrer()
    {
        using var page = await app.Client.GetAsync(new Uri("/kiosk.html", UriKind.Relative));
        using var api = await app.Client.GetAsync(new Uri("/v1/venues", UriKind.Relative));
        using var missing = await app.Client.GetAsync(new Uri("/v1/no-such-route", UriKind.Relative));

        Assert.Equal(SecurityHeaders.PagePolicy, string.Join(";", page.Headers.GetValues("Content-Security-Policy")));
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.PagePolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.PagePolicy, StringComparison.Ordinal);
        foreach (var response in new[] { page, api, missing })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }

        Assert.Equal(SecurityHeaders.ApiPolicy, api.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(SecurityHeaders.ApiPolicy, missing.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(page.Headers.Contains("Strict-Transport-Security"), "HSTS is for HTTPS only");
    }

    [Fact]
    public async Task A_browser_page_of_another_origin_may_not_call_the_API_and_the_configured_origin_may()
    {
        var stranger = await Preflight("https://evil.example");
        var console = await Preflight(KestrelAppFixture.AllowedOrigin);

        Assert.False(stranger.Headers.ContainsKey("Access-Control-Allow-Origin"));
        Assert.Equal(KestrelAppFixture.AllowedOrigin, console.Headers["Access-Control-Allow-Origin"]);
        Assert.Contains("POST", console.Headers["Access-Control-Allow-Methods"], StringComparison.Ordinal);
    }

    private Task<RawHttp.Answer> Preflight(string origin) =>
        RawHttp.SendAsync(Server, "OPTIONS", "/v1/venues", headers: [$"Origin: {origin}", "Access-Control-Request-Method: POST", "Access-Control-Request-Headers: authorization,content-type"]);

    private Task<HttpResponseMessage> Post(ApiUser owner, HttpContent content)
    {
        // As a careful client sends a large body: the server may refuse it before a byte of it is sent.
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/venues") { Content = content };
        request.Headers.Authorization = new("Bearer", owner.Token);
        request.Headers.ExpectContinue = true;
        return app.Client.SendAsync(request);
    }
}
