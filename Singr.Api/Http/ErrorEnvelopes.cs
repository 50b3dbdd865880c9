using Microsoft.AspNetCore.Diagnostics;
using Singr.Silo.Hosting;

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
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = WriteExceptionAsync,
            // A body that cannot be read is the client's mistake, answered with a 400 and logged by the request log.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages(context => WriteStatusAsync(context.HttpContext));
        return app;
    }

    public static Task WriteExceptionAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (exception is BadHttpRequestException { InnerException: UnstorableTextException { Path: { } field } })
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail(field.TrimStart('$', '.'), StorableText.Problem)]).ExecuteAsync(context);
        }

        if (exception is BadHttpRequestException unreadable)
        {
            context.Response.StatusCode = unreadable.StatusCode;
            return context.Response.WriteAsJsonAsync(Envelope.Failure(context, Unreadable(unreadable)));
        }

        if (ClusterUnavailable.Is(exception))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return context.Response.WriteAsJsonAsync(Envelope.Failure(context, ApiErrors.Unavailable()));
        }

        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return context.Response.WriteAsJsonAsync(Envelope.Failure(context, ApiErrors.Internal()));
    }

    /// <summary>Model binding failed: says which JSON field could not be read when the serializer knows.</summary>
    private static ApiError Unreadable(BadHttpRequestException exception)
    {
        var error = ApiErrors.ForStatus(exception.StatusCode);
        if (exception.InnerException is System.Text.Json.JsonException { Path: { Length: > 2 } path })
        {
            return error with
            {
                Message = "A field of the JSON body has the wrong type or is malformed; see details.",
                Details = [new ApiErrorDetail(path.TrimStart('$', '.'), "Not a valid value for this field.")],
            };
        }

        return exception.StatusCode == StatusCodes.Status400BadRequest
            ? error with { Message = "The body could not be read: send a complete JSON object." }
            : error;
    }

    private static Task WriteStatusAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(Envelope.Failure(context, ApiErrors.ForStatus(context.Response.StatusCode)));
}
