namespace Singr.Grains.Interfaces.Queue;

/// <summary>
/// Which URLs a patron may hand Singr to show or fetch (a song's thumbnail now; webhooks later): https to a named public
/// host. Every screen at the venue loads a thumbnail, so a URL aimed at loopback, the venue's own network or a cloud
/// metadata address would make the host's dashboard or the player's browser send requests there (OWASP API7).
/// </summary>
/// <remarks>
/// This judges the URL as written. Anything that fetches it server-side must also refuse a name that resolves to a
/// private address, which no check of the text can see.
/// </remarks>
public static class PublicUrls
{
    public const int MaxLength = 500;

    private static readonly string[] PrivateSuffixes = [".localhost", ".local", ".internal", ".lan", ".home.arpa", ".localdomain"];

    public static bool IsPublicHttps(string? url)
    {
        if (url is null || url.Length > MaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !uri.IsDefaultPort)
        {
            return false;
        }

        var host = uri.IdnHost.TrimEnd('.');
        return uri.HostNameType == UriHostNameType.Dns
            && host.Contains('.', StringComparison.Ordinal)
            && !host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            && !PrivateSuffixes.Any(suffix => host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            && !LooksLikeAnAddress(host);
    }

    /// <summary>
    /// A browser reads a host whose last label is numeric as an IPv4 address (<c>2130706433</c>, <c>0x7f.1</c> and
    /// <c>127.1</c> are all 127.0.0.1); no top-level domain has a digit unless it is an IDN (<c>xn--</c>).
    /// </summary>
    private static bool LooksLikeAnAddress(string host)
    {
        var lastLabel = host[(host.LastIndexOf('.') + 1)..];
        return !lastLabel.StartsWith("xn--", StringComparison.OrdinalIgnoreCase) && lastLabel.Any(char.IsAsciiDigit);
    }
}
