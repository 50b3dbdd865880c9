using Microsoft.AspNetCore.Http.Features;

namespace Singr.Api.Http;

/// <summary>
/// Refuses, before any handler runs, a request target no route should see: a <c>.</c> or <c>..</c> path segment
/// (plain or percent-encoded; the server folds it into the parent path, so <c>players/%2e%2e</c> would reach the
/// venue's own route), and query or route values holding text that cannot be stored (<see cref="StorableText"/>).
/// </summary>
public sealed class RequestTargetGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty;
        if (HasDotSegment(rawTarget) || HasDotSegment(context.Request.PathBase.Value) || HasDotSegment(context.Request.Path.Value))
        {
            return ApiResults.Failure(context, StatusCodes.Status400BadRequest, new ApiError(
                ApiErrors.BadRequest,
                "A path segment may not be '.' or '..': send ids as they were given.",
                "Something was wrong with that request.",
                [new ApiErrorDetail("path", "No '.' or '..' segments.")])).ExecuteAsync(context);
        }

        var unstorable = UnstorableFields(context.Request);
        return unstorable is null ? next(context) : ApiResults.ValidationFailed(context, unstorable).ExecuteAsync(context);
    }

    /// <summary>Whether a path (up to its query) has a segment that is <c>.</c> or <c>..</c>, in any mix of plain and <c>%2e</c>.</summary>
    public static bool HasDotSegment(string? target)
    {
        var path = target.AsSpan();
        var end = path.IndexOfAny('?', '#');
        if (end >= 0)
        {
            path = path[..end];
        }

        foreach (var range in path.Split('/'))
        {
            if (DotsIn(path[range]) is 1 or 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many dots the segment is made of (plain or <c>%2e</c>); 0 when it holds anything else.</summary>
    private static int DotsIn(ReadOnlySpan<char> segment)
    {
        var dots = 0;
        while (!segment.IsEmpty)
        {
            if (segment[0] == '.')
            {
                segment = segment[1..];
            }
            else if (segment.StartsWith("%2e", StringComparison.OrdinalIgnoreCase))
            {
                segment = segment[3..];
            }
            else
            {
                return 0;
            }

            dots++;
        }

        return dots;
    }

    /// <summary>The query parameters and route values holding text that cannot be stored; null when there are none (no allocation).</summary>
    private static List<ApiErrorDetail>? UnstorableFields(HttpRequest request)
    {
        List<ApiErrorDetail>? problems = null;
        foreach (var (key, values) in request.Query)
        {
            var storable = StorableText.IsStorable(key);
            foreach (var value in values)
            {
                storable &= value is null || StorableText.IsStorable(value);
            }

            if (!storable)
            {
                (problems ??= []).Add(new ApiErrorDetail(StorableText.IsStorable(key) ? key : "query", StorableText.Problem));
            }
        }

        foreach (var (key, value) in request.RouteValues)
        {
            if (value is string text && !StorableText.IsStorable(text))
            {
                (problems ??= []).Add(new ApiErrorDetail(key, StorableText.Problem));
            }
        }

        return problems;
    }
}
