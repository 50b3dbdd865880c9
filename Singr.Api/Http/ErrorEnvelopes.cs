using Microsoft.AspNetCore.Diagnostics;
using Singr.Silo.Runtime;

namespace Singr.Api.Http;

/// <summary>
/// Every failure leaves in the envelope: unhandled exceptions (a transient grain or cluster failure is a 503 with
/// Retry-After, anything else a 500 that tells nothing of its internals) and the bodiless statuses the framework sets
/// itself (404, 405, 415, 401, 403).
/// </summary>
public static class ErrorEnvelopes
{
    public const int RetryAfterSeconds = 1;

    public static IApplicationBuilder UseErrorEnvelopes(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteExceptionAsync });
        app.UseStatusCodePages(context => WriteStatusAsync(context.HttpContext));
        return app;
    }

    public static Task WriteExceptionAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (exception is GrainTransientException or SiloUnavailableException or TimeoutException)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return context.Response.WriteAsJsonAsync(Envelope.Failure(context, ApiErrors.Unavailable()));
        }

        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return context.Response.WriteAsJsonAsync(Envelope.Failure(context, ApiErrors.Internal()));
    }

    private static Task WriteStatusAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(Envelope.Failure(context, ApiErrors.ForStatus(context.Response.StatusCode)));
}
