using System.Diagnostics;

namespace Singr.Api.Logging;

/// <summary>
/// One log line per request: method, path, status, duration (the correlation id comes from the scope). The query string
/// is never logged, so tokens passed as <c>access_token</c> stay out of the logs; headers and bodies are never logged.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted
                ? 499
                : context.Response.StatusCode;
            logger.LogInformation(
                "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms",
                context.Request.Method,
                context.Request.Path.Value,
                status,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
