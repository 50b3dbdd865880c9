namespace Singr.Api.Http;

/// <summary>Bound from the <c>Singr:Http</c> configuration section.</summary>
public sealed class HttpOptions
{
    public const string SectionName = "Singr:Http";

    /// <summary>
    /// CIDR ranges (e.g. <c>10.0.0.0/8</c>) of the proxies whose <c>X-Forwarded-For</c>/<c>-Proto</c> are believed: the
    /// Kubernetes ingress controller's pods. Loopback is always trusted; a request from anywhere else keeps its own
    /// address, whatever headers it sends.
    /// </summary>
    public IList<string> TrustedNetworks { get; set; } = [];

    /// <summary>Origins (e.g. <c>https://app.example.com</c>) whose pages may call the API from a browser; none by default.</summary>
    public IList<string> CorsOrigins { get; set; } = [];

    /// <summary>A JSON body's limit: every body Singr takes is a small object.</summary>
    public long MaxJsonBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The path and query together.</summary>
    public int MaxRequestTargetLength { get; set; } = 8 * 1024;

    /// <summary>All header names and values together.</summary>
    public int MaxRequestHeadersBytes { get; set; } = 32 * 1024;
}
