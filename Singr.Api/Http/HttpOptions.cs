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
}
