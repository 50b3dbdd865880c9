using Singr.Grains.Interfaces.Queue;

namespace Singr.Domain.Tests;

public sealed class PublicUrlsTests
{
    [Theory]
    [InlineData("https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg")]
    [InlineData("https://img.youtube.com/vi/dQw4w9WgXcQ/0.jpg")]
    [InlineData("https://xn--bcher-kva.example/cover.png")]
    [InlineData("https://cdn.example.xn--p1ai/cover.png")]
    public void A_thumbnail_on_a_named_public_host_over_https_is_allowed(string url) => Assert.True(PublicUrls.IsPublicHttps(url));

    [Theory]
    [InlineData("http://i.ytimg.com/vi/x/hqdefault.jpg")] // not https: any network on the way may swap the picture
    [InlineData("ftp://example.com/x.jpg")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://localhost/x.jpg")]
    [InlineData("https://admin.localhost/x.jpg")]
    [InlineData("https://127.0.0.1/x.jpg")]
    [InlineData("https://10.0.0.1/x.jpg")]
    [InlineData("https://192.168.1.1/reboot")] // the venue's router, from the host's own browser
    [InlineData("https://169.254.169.254/latest/meta-data/")] // cloud metadata
    [InlineData("https://[::1]/x.jpg")]
    [InlineData("https://[fd00::1]/x.jpg")]
    [InlineData("https://2130706433/x.jpg")] // 127.0.0.1 written as one number
    [InlineData("https://0x7f.1/x.jpg")]
    [InlineData("https://127.1/x.jpg")]
    [InlineData("https://intranet/x.jpg")] // a single label resolves on the local network
    [InlineData("https://printer.local/x.jpg")]
    [InlineData("https://db.internal/x.jpg")]
    [InlineData("https://example.com:8443/x.jpg")]
    [InlineData("https://user:pass@example.com/x.jpg")]
    [InlineData("/relative/x.jpg")]
    public void A_thumbnail_aimed_at_a_private_loopback_or_disguised_address_is_refused(string url) => Assert.False(PublicUrls.IsPublicHttps(url));

    [Fact]
    public void A_url_past_500_characters_is_refused() =>
        Assert.False(PublicUrls.IsPublicHttps("https://example.com/" + new string('a', 490)));
}
