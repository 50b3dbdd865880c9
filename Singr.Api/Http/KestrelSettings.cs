using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Singr.Api.Http;

/// <summary>
/// The server's own limits, set above Singr's (<see cref="RequestSizeGuard"/>) so that a long target, large headers
/// or a large body are answered by Singr in the envelope. Past these, and for a request it cannot parse at all (a
/// <c>%00</c> in the path), the server itself answers 400, 414 or 431 without a body and closes the connection: no
/// route ever sees such a request. It does not name itself in a <c>Server</c> header.
/// </summary>
public static class KestrelSettings
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
        kestrel.AddServerHeader = false;
    }
}
