using System.Text.RegularExpressions;

namespace Singr.Api.Logging;

/// <summary>
/// Takes the caller's <c>X-Request-Id</c> when it is a sane token, or makes one; uses it as the request's trace
/// identifier, echoes it on the response and puts it in the logging scope of everything the request logs.
/// </summary>
public sealed partial class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var requested = context.Request.Headers[HeaderName].ToString();
        var requestId = IsAcceptable(requested) ? requested : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = requestId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = requestId;
            return Task.CompletedTask;
        });

        // Named apart from ASP.NET Core's own RequestId scope (its connection-based trace id from before this middleware).
        using (logger.BeginScope("CorrelationId:{CorrelationId}", requestId))
        {
            await next(context);
        }
    }

    private static bool IsAcceptable(string value) => value.Length is > 0 and <= 128 && SafeToken().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex SafeToken();
}
