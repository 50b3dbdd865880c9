using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Singr.Api.Operations;
using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>The operator surfaces: the Orleans Dashboard under /ops/orleans (platform admins) and /metrics (scraper, staff).</summary>
public sealed partial class OperationsTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private const string Dashboard = "/ops/orleans/";
    private const string Loopback = "127.0.0.1";
    private const string Outsider = "203.0.113.7";

    [Fact]
    public async Task The_dashboard_is_for_platform_admins_only_401_without_a_token_and_403_for_everyone_else()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var support = await PlatformUserAsync("support_admin");
        var developer = await PlatformUserAsync("developer");
        var admin = await PlatformUserAsync("admin");

        using var anonymous = await ApiUser.SendAsync(app.Client, HttpMethod.Get, Dashboard, token: null);
        using var anonymousApi = await ApiUser.SendAsync(app.Client, HttpMethod.Get, Dashboard + "ClusterStats", token: null);
        using var byOwner = await owner.SendAsync(HttpMethod.Get, Dashboard);
        using var bySupport = await support.SendAsync(HttpMethod.Get, Dashboard + "DashboardCounters");
        using var byDeveloper = await developer.SendAsync(HttpMethod.Get, Dashboard);
        using var page = await admin.SendAsync(HttpMethod.Get, Dashboard);
        using var stats = await admin.SendAsync(HttpMethod.Get, Dashboard + "ClusterStats");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("UNAUTHORIZED", (await EnvelopeJson.ErrorOfAsync(anonymous)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousApi.StatusCode);
        foreach (var refused in new[] { byOwner, bySupport, byDeveloper })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(OperationsErrors.PlatformRoleRequired, (await EnvelopeJson.ErrorOfAsync(refused)).GetProperty("code").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("index.min.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        Assert.Equal("application/json", stats.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_admin_opens_the_dashboard_in_a_browser_with_a_short_lived_cookie_that_is_no_api_token()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var admin = await PlatformUserAsync("admin");
        // A browser: keeps the cookie it is given and sends it back where its path allows; no Authorization header.
        using var browser = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var plain = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        using var anonymous = await ApiUser.SendAsync(plain, HttpMethod.Post, OperationsEndpoints.SessionPath, token: null, new { });
        using var byOwner = await ApiUser.SendAsync(plain, HttpMethod.Post, OperationsEndpoints.SessionPath, owner.Token, new { });
        using var opened = await ApiUser.SendAsync(browser, HttpMethod.Post, OperationsEndpoints.SessionPath, admin.Token, new { });
        var session = await EnvelopeJson.DataOfAsync(opened);
        var setCookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        var cookie = setCookie.Split(';')[0];
        var token = cookie[(DashboardSessionTokens.CookieName.Length + 1)..];

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        Assert.Equal(OperationsErrors.PlatformRoleRequired, (await EnvelopeJson.ErrorOfAsync(byOwner)).GetProperty("code").GetString());
        Assert.Equal(Dashboard, session.GetProperty("dashboardUrl").GetString());
        var expiresIn = session.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow;
        Assert.InRange(expiresIn, TimeSpan.FromMinutes(25), TimeSpan.FromMinutes(31));
        Assert.StartsWith(DashboardSessionTokens.CookieName + "=", setCookie, StringComparison.Ordinal);
        Assert.Contains("path=/ops/orleans", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);

        // What the dashboard's page does: plain same-origin requests that carry only the cookie.
        using var page = await browser.GetAsync(new Uri(Dashboard, UriKind.Relative));
        using var counters = await browser.GetAsync(new Uri(Dashboard + "DashboardCounters", UriKind.Relative));
        using var withCookie = await WithCookieAsync(plain, Dashboard + "ClusterStats", cookie);
        using var forged = await WithCookieAsync(plain, Dashboard + "ClusterStats", $"{DashboardSessionTokens.CookieName}={Forge(token)}");
        using var apiTokenAsCookie = await WithCookieAsync(plain, Dashboard, $"{DashboardSessionTokens.CookieName}={admin.Token}");
        using var cookieTokenAsBearer = await ApiUser.SendAsync(plain, HttpMethod.Get, "/v1/auth/me", token);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withCookie.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, apiTokenAsCookie.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, cookieTokenAsBearer.StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_admin_role_buys_no_new_dashboard_session_even_with_a_token_that_still_says_admin()
    {
        var admin = await PlatformUserAsync("admin");
        await SetPlatformRoleAsync(admin, role: null);

        using var refused = await admin.SendAsync(HttpMethod.Post, OperationsEndpoints.SessionPath, new { });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_ops_page_a_person_starts_from_is_served_with_a_strict_content_security_policy()
    {
        using var page = await app.Client.GetAsync(new Uri("/ops/", UriKind.Relative));
        using var script = await app.Client.GetAsync(new Uri("/ops/ops.js", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var js = await script.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<script src=\"/ops/ops.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains(OperationsEndpoints.SessionPath, js, StringComparison.Ordinal);
        Assert.Contains("/v1/auth/logout", js, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_scraped_from_loopback_and_read_by_platform_staff_only()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var support = await PlatformUserAsync("support_admin");

        using var fromLoopback = await MetricsAsync(Loopback);
        using var fromOutside = await MetricsAsync(Outsider);
        using var fromOutsideAsOwner = await MetricsAsync(Outsider, owner.Token);
        using var fromOutsideAsStaff = await MetricsAsync(Outsider, support.Token);
        // Relayed by a trusted proxy (loopback is one) for a client that claims a loopback address: not the scraper.
        using var throughProxy = await MetricsAsync(Loopback, forwardedFor: "127.0.0.2");

        Assert.Equal(HttpStatusCode.OK, fromLoopback.StatusCode);
        Assert.Equal("text/plain", fromLoopback.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE ", await fromLoopback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, fromOutside.StatusCode);
        Assert.Equal("UNAUTHORIZED", (await EnvelopeJson.ErrorOfAsync(fromOutside)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, fromOutsideAsOwner.StatusCode);
        Assert.Equal(OperationsErrors.PlatformRoleRequired, (await EnvelopeJson.ErrorOfAsync(fromOutsideAsOwner)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, fromOutsideAsStaff.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, throughProxy.StatusCode);
    }

    [Fact]
    public async Task Configured_metrics_networks_scrape_without_a_token()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var factory = new SingrApiFactory(database, configureServices: services =>
            services.Configure<OperationsOptions>(options => options.MetricsNetworks.Add("10.0.0.0/8")));
        using var client = factory.CreateClient();

        using var fromPodNetwork = await MetricsAsync(client, "10.1.2.3");
        using var fromMappedAddress = await MetricsAsync(client, "::ffff:10.1.2.3");
        using var fromElsewhere = await MetricsAsync(client, "192.0.2.10");

        Assert.Equal(HttpStatusCode.OK, fromPodNetwork.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromMappedAddress.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, fromElsewhere.StatusCode);
    }

    /// <summary>
    /// In a process of its own, as Kubernetes runs it: in-process test hosts share the meters' names, and one host
    /// stopping ends the others' series of the same name.
    /// </summary>
    [Fact]
    public async Task A_song_request_moves_a_singr_counter_that_metrics_then_shows_beside_aspnetcore_orleans_npgsql_and_runtime_metrics()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var process = ApplicationProcess.Start(database.ConnectionString, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Singr__Auth__SigningKey"] = Convert.ToBase64String(new byte[32]),
        });
        await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        using var client = new HttpClient { BaseAddress = process.BaseAddress };
        var (owner, _) = await ApiUser.RegisterOwnerAsync(client);
        var slug = await owner.CreateVenueAsync();
        var alice = await ApiUser.GuestTokenAsync(client, slug);
        var bob = await ApiUser.GuestTokenAsync(client, slug);
        var song = ApiUser.Song();
        var before = await ScrapeAsync(client);

        using var queued = await ApiUser.SendAsync(client, HttpMethod.Post, $"/v1/venues/{slug}/queue", alice, song);
        using var duplicate = await ApiUser.SendAsync(client, HttpMethod.Post, $"/v1/venues/{slug}/queue", bob, song);
        Assert.Equal(HttpStatusCode.Created, queued.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);

        // The exporter may answer from a scrape it cached a moment ago.
        var after = string.Empty;
        await Eventually.TrueAsync(
            async () =>
            {
                after = await ScrapeAsync(client);
                return Value(after, "singr_song_requests_queued_total", "kind=\"jukebox\"") == Value(before, "singr_song_requests_queued_total", "kind=\"jukebox\"") + 1
                    && Value(after, "singr_song_requests_refused_total", "code=\"DUPLICATE_REQUEST\"") == Value(before, "singr_song_requests_refused_total", "code=\"DUPLICATE_REQUEST\"") + 1;
            },
            TimeSpan.FromSeconds(10),
            "the queued and the refused song request show in /metrics");
        var families = Families(after);

        Assert.Contains("singr_song_requests_queued_total", families);
        Assert.Contains("singr_song_requests_refused_total", families);
        Assert.Matches(SeriesLine("singr_hub_connections", "hub=\"venue\""), after);
        Assert.Matches(SeriesLine("singr_hub_connections", "hub=\"customer\""), after);
        Assert.Contains("http_server_request_duration_seconds", families);
        Assert.Contains(families, name => name.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.Contains(families, name => name.StartsWith("db_client_", StringComparison.Ordinal));
        Assert.Contains(families, name => name.StartsWith("dotnet_", StringComparison.Ordinal));
    }

    /// <summary>A scrape from loopback, as the process sees a real connection.</summary>
    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<HttpResponseMessage> MetricsAsync(string address, string? token = null, string? forwardedFor = null) =>
        MetricsAsync(app.Client, address, token, forwardedFor);

    private static async Task<HttpResponseMessage> MetricsAsync(HttpClient client, string address, string? token = null, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        request.Headers.Add(TestClientAddress.HeaderName, address);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> WithCookieAsync(HttpClient client, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>The same admin token made out to another user: only its signature gives it away.</summary>
    private static string Forge(string token)
    {
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]));
        var changed = Subject().Replace(payload, $"\"sub\":\"{Guid.NewGuid():D}\"");
        Assert.NotEqual(payload, changed);
        return $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(changed)}.{parts[2]}";
    }

    [GeneratedRegex("\"sub\":\"[^\"]+\"")]
    private static partial Regex Subject();

    /// <summary>The sum of a metric's series whose labels contain <paramref name="label"/> (0 when there is none yet).</summary>
    private static double Value(string text, string name, string label) =>
        text.Split('\n')
            .Select(line => Series().Match(line))
            .Where(m => m.Success && m.Groups["name"].Value == name && m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    private static HashSet<string> Families(string text) =>
        [.. text.Split('\n').Where(line => line.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(line => line.Split(' ')[2])];

    private static Regex SeriesLine(string name, string label) =>
        new($"(?m)^{Regex.Escape(name)}\\{{[^}}]*{Regex.Escape(label)}[^}}]*\\}} [0-9]");

    [GeneratedRegex("^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?<labels>[^}]*)\\})? (?<value>[^ ]+)")]
    private static partial Regex Series();

    private Task<ApiUser> PlatformUserAsync(string role) => PlatformStaff.RegisterAsync(app.Client, app.Factory.Services, role);

    private Task SetPlatformRoleAsync(ApiUser user, string? role) => PlatformStaff.SetRoleAsync(app.Factory.Services, user, role);
}
