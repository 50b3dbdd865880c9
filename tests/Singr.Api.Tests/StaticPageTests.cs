using System.Net;

namespace Singr.Api.Tests;

/// <summary>The kiosk and dashboard pages are served as files, and serving them takes nothing from the error envelope.</summary>
public sealed class StaticPageTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Theory]
    [InlineData("/", "text/html", "kiosk.html?venue=demo-venue")]
    [InlineData("/kiosk.html", "text/html", "data-testid=\"request-form\"")]
    [InlineData("/dashboard.html", "text/html", "data-testid=\"signin-form\"")]
    [InlineData("/account.html", "text/html", "data-testid=\"reset-form\"")]
    [InlineData("/js/account.js", "text/javascript", "/v1/auth/magic-link/verify")]
    [InlineData("/lib/signalr/signalr.min.js", "text/javascript", "HubConnectionBuilder")]
    [InlineData("/lib/idb/idb.umd.js", "text/javascript", "openDB")]
    public async Task The_pages_and_the_vendored_scripts_are_served(string path, string mediaType, string contains)
    {
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(contains, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no-such-page.html")]
    [InlineData("/lib/signalr/missing.js")]
    [InlineData("/v1/no-such-route")]
    [InlineData("/v1/venues/no-such-venue-at-all")]
    public async Task A_missing_file_or_route_is_a_404_in_the_envelope(string path)
    {
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty((await EnvelopeJson.ErrorOfAsync(response)).GetProperty("code").GetString()));
    }
}
