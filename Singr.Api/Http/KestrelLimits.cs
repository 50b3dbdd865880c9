using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Singr.Api.Http;

/// <summary>
/// The server's own limits, set above Singr's (<see cref="RequestSizeGuard"/>) so that a long target, large headers
/// or a large body are answered by Singr in the envelope. Past these the server itself answers, without a body: the
/// last guard against a client that sends megabytes before its first line ends.
/// </summary>
public static class KestrelLimits
{
    public const int MaxRequestLineSize = 256 * 1024;
    public const int MaxRequestHeadersTotalSize = 256 * 1024;
    public const long MaxRequestBodySize = 1024 * 1024;

    public static void Apply(KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        kestrel.Limits.MaxRequestLineSize = MaxRequestLineSize;
        kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestHeadersTotalSize;
        kestrel.Limits.MaxRequestBodySize = MaxRequestBodySize;
    }
}
