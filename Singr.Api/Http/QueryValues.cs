using System.Globalization;

namespace Singr.Api.Http;

/// <summary>Times in the query string (<c>from</c>, <c>to</c>, …), ISO 8601, UTC unless they say otherwise.</summary>
public static class QueryTimes
{
    /// <returns>The time, or null when absent; a malformed value adds a problem for its field.</returns>
    public static DateTimeOffset? Parse(HttpRequest request, string name, List<ApiErrorDetail> problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(problems);

        // An unencoded "+01:00" offset arrives as " 01:00".
        var text = request.Query[name].ToString().Replace(' ', '+');
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        problems.Add(new ApiErrorDetail(name, "An ISO 8601 time such as 2026-11-22T20:00:00Z."));
        return null;
    }
}
