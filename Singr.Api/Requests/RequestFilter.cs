using Singr.Api.Http;
using Singr.Grains.Interfaces.Queue;

namespace Singr.Api.Requests;

/// <summary>
/// Which of the organisation's requests a host means, from the query string: <c>venueId</c> (slug), <c>processed</c>,
/// <c>status</c>, <c>startDate</c>/<c>endDate</c> (over when each was requested, inclusive) and, for lists, <c>search</c>.
/// </summary>
public sealed record RequestFilter(string? VenueId, bool? Processed, string? Status, DateTimeOffset? From, DateTimeOffset? To, string? Search)
{
    public const int MaxSearchLength = 200;

    /// <summary>The filters; a malformed one adds a problem naming its field.</summary>
    public static RequestFilter Parse(HttpRequest request, List<ApiErrorDetail> problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(problems);
        var venueId = request.Query["venueId"].ToString().Trim();
        var processed = QueryValues.Flag(request, "processed", problems);
        var status = request.Query["status"].ToString().Trim();
        if (status.Length > 0 && !IsKnownStatus(status))
        {
            problems.Add(new ApiErrorDetail("status", $"One of {string.Join(", ", QueueItemStatuses.All)}."));
        }

        var from = QueryValues.Time(request, "startDate", problems);
        var to = QueryValues.Time(request, "endDate", problems);
        if (from > to)
        {
            problems.Add(new ApiErrorDetail("startDate", "'startDate' must not be after 'endDate'."));
        }

        var search = request.Query["search"].ToString().Trim();
        if (search.Length > MaxSearchLength)
        {
            problems.Add(new ApiErrorDetail("search", $"At most {MaxSearchLength} characters."));
        }

        return new RequestFilter(
            venueId.Length == 0 ? null : venueId,
            processed,
            status.Length == 0 ? null : status,
            from,
            to,
            search.Length == 0 ? null : search);
    }

    private static bool IsKnownStatus(string status) => QueueItemStatuses.All.Contains(status, StringComparer.Ordinal);
}
