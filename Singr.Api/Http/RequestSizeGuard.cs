using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Singr.Api.Http;

/// <summary>
/// Singr's own limits on a request's size, answered in the envelope: a target (path and query) over
/// <see cref="HttpOptions.MaxRequestTargetLength"/> is 414, headers over <see cref="HttpOptions.MaxRequestHeadersBytes"/>
/// 431, a body over the route's limit 413 (<see cref="HttpOptions.MaxJsonBodyBytes"/> unless the endpoint carries an
/// <see cref="IRequestSizeLimitMetadata"/> of its own). The server's own limits sit above these, so it is Singr that
/// answers (<see cref="KestrelSettings"/>).
/// </summary>
public sealed class RequestSizeGuard(RequestDelegate next, IOptions<HttpOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limits = options.Value;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty;
        if (target.Length > limits.MaxRequestTargetLength)
        {
            return Refuse(context, StatusCodes.Status414UriTooLong);
        }

        if (HeaderBytes(context.Request.Headers) > limits.MaxRequestHeadersBytes)
        {
            return Refuse(context, StatusCodes.Status431RequestHeaderFieldsTooLarge);
        }

        var bodyLimit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? limits.MaxJsonBodyBytes;
        if (context.Request.ContentLength > bodyLimit)
        {
            return Refuse(context, StatusCodes.Status413PayloadTooLarge);
        }

        // A body sent without a length is cut off at the limit as it is read: the server throws, answered 413.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = bodyLimit;
        }

        return next(context);
    }

    private static long HeaderBytes(IHeaderDictionary headers)
    {
        long total = 0;
        foreach (var (name, values) in headers)
        {
            total += name.Length;
            foreach (var value in values)
            {
                total += value?.Length ?? 0;
            }
        }

        return total;
    }

    private static Task Refuse(HttpContext context, int status) =>
        ApiResults.Failure(context, status, ApiErrors.ForStatus(status)).ExecuteAsync(context);
}
