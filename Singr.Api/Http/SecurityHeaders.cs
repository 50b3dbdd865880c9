namespace Singr.Api.Http;

/// <summary>
/// Headers every response carries: no content sniffing, no referrer, never framed; pages load only what they ship
/// (scripts and styles from this origin, no inline script), API answers load nothing; HSTS over HTTPS.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>The kiosk and dashboard pages: their own scripts, styles and images, and this origin's API and hubs.</summary>
    public const string PagePolicy =
        "default-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The player screen also runs YouTube's IFrame player: its script, its frame and its thumbnails, nothing else.
    /// </summary>
    public const string PlayerPagePolicy =
        "default-src 'self'; connect-src 'self'; script-src 'self' https://www.youtube.com https://s.ytimg.com; " +
        "frame-src https://www.youtube.com https://www.youtube-nocookie.com; img-src 'self' data: https://i.ytimg.com; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Everything else (JSON, metrics, probes): nothing to load, never framed.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>The Orleans dashboard ships its own markup with inline script: it is only kept from being framed.</summary>
    public const string OperatorDashboardPolicy = "frame-ancestors 'none'";

    private const string OperatorDashboardPath = "/ops/orleans";
    private const string PlayerPagePath = "/player.html";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                // A page that states its own policy (the operations page) keeps it.
                headers.ContentSecurityPolicy = PolicyFor(context);
            }
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private static string PolicyFor(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(OperatorDashboardPath, StringComparison.OrdinalIgnoreCase))
        {
            return OperatorDashboardPolicy;
        }

        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true)
        {
            return ApiPolicy;
        }

        return context.Request.Path.Equals(PlayerPagePath, StringComparison.OrdinalIgnoreCase) ? PlayerPagePolicy : PagePolicy;
    }
}
