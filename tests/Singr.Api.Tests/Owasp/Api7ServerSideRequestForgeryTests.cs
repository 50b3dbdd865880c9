using System.Net;
using System.Net.Http.Json;

namespace Singr.Api.Tests.Owasp;

/// <summary>
/// OWASP API7:2023, server side request forgery. Singr's server fetches no URL a caller gives it; the one URL a patron
/// hands over is a jukebox song's thumbnail, which every screen at the venue loads. Aimed at loopback, the venue's own
/// network or a cloud metadata address, it would make the host's dashboard or the player send requests there, so it is
/// refused at the door (<c>PublicUrls</c>, whose cases are in <c>PublicUrlsTests</c>), and the pages load no image
/// from anywhere else; the player screen loads YouTube's player and thumbnails and nothing more.
/// </summary>
public sealed class Api7ServerSideRequestForgeryTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data/iam/security-credentials/")]
    [InlineData("https://192.168.1.1/cgi-bin/reboot")]
    [InlineData("https://localhost:5080/v1/admin/audit")]
    [InlineData("https://2130706433/")]
    [InlineData("http://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg")]
    [InlineData("file:///etc/passwd")]
    public async Task A_thumbnail_aimed_at_a_private_or_loopback_target_is_refused_and_nothing_is_queued(string thumbnailUrl)
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);

        using var refused = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/queue", guest, Video(thumbnailUrl));
        var queue = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/queue");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("thumbnailUrl", Assert.Single((await EnvelopeJson.ErrorOfAsync(refused)).GetProperty("details").EnumerateArray()).GetProperty("field").GetString());
        Assert.Equal(0, queue.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_public_thumbnail_is_queued_as_given()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        const string thumbnail = "https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg";

        var accepted = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", Video(thumbnail));

        Assert.Equal(thumbnail, accepted.GetProperty("item").GetProperty("thumbnailUrl").GetString());
    }

    [Theory]
    [InlineData("/kiosk.html", "img-src", "'self' data:")]
    [InlineData("/dashboard.html", "img-src", "'self' data:")]
    [InlineData("/player.html", "img-src", "'self' data: https://i.ytimg.com")]
    [InlineData("/player.html", "frame-src", "https://www.youtube.com https://www.youtube-nocookie.com")]
    [InlineData("/player.html", "script-src", "'self' https://www.youtube.com https://s.ytimg.com")]
    public async Task The_pages_load_images_frames_and_scripts_from_their_own_origin_and_the_player_from_YouTube_only(string page, string directive, string sources)
    {
        using var response = await app.Client.GetAsync(new Uri(page, UriKind.Relative));
        var policy = response.Headers.GetValues("Content-Security-Policy").Single().Split(';').Select(d => d.Trim()).ToList();
        var allowed = policy.SingleOrDefault(d => d.StartsWith(directive + " ", StringComparison.Ordinal))?[(directive.Length + 1)..];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(sources, allowed ?? policy.Single(d => d.StartsWith("default-src ", StringComparison.Ordinal))["default-src ".Length..]);
    }

    private static object Video(string thumbnailUrl) =>
        new { kind = "jukebox", youtubeId = "dQw4w9WgXcQ", title = "Never Gonna Give You Up", artist = "Rick Astley", duration = 213, thumbnailUrl };
}
