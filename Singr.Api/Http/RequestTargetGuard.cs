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
        if (HasDotSegment(rawTarget) || HasDotSegment(context.Request.PathBase + context.Request.Path))
        {
            return ApiResults.Failure(context, StatusCodes.Status400BadRequest, new ApiError(
                ApiErrors.BadRequest,
                "A path segment may not be '.' or '..': send ids as they were given.",
                "Something was wrong with that request.",
                [new ApiErrorDetail("path", "No '.' or '..' segments.")])).ExecuteAsync(context);
        }

        var unstorable = context.Request.Query
            .Where(q => q.Value.Any(v => v is not null && !StorableText.IsStorable(v)) || !StorableText.IsStorable(q.Key))
            .Select(q => q.Key)
            .Concat(context.Request.RouteValues.Where(r => r.Value is string text && !StorableText.IsStorable(text)).Select(r => r.Key))
            .Select(field => new ApiErrorDetail(StorableText.IsStorable(field) ? field : "query", StorableText.Problem))
            .ToList();
        return unstorable.Count > 0 ? ApiResults.ValidationFailed(context, unstorable).ExecuteAsync(context) : next(context);
    }

    /// <summary>Whether a path (up to its query) has a segment that is <c>.</c> or <c>..</c>, in any mix of plain and <c>%2e</c>.</summary>
    public static bool HasDotSegment(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var query = target.IndexOfAny(['?', '#']);
        var path = query < 0 ? target : target[..query];
        foreach (var segment in path.Split('/'))
        {
            var decoded = segment.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase);
            if (decoded is "." or "..")
            {
                return true;
            }
        }

        return false;
    }
}
