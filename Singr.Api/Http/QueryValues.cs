using System.Globalization;

namespace Singr.Api.Http;

/// <summary>Values read from the query string; a malformed one adds a problem for its field and is not used.</summary>
public static class QueryValues
{
    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; <paramref name="fallback"/> when absent.</summary>
    public static int WholeNumber(HttpRequest request, string name, int fallback, int min, int max, List<ApiErrorDetail> problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(problems);
        var text = request.Query[name].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add(new ApiErrorDetail(name, $"Must be a whole number from {min} to {max}."));
        return fallback;
    }

    /// <summary><c>true</c> or <c>false</c> (any case); null when absent.</summary>
    public static bool? Flag(HttpRequest request, string name, List<ApiErrorDetail> problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(problems);
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        problems.Add(new ApiErrorDetail(name, "true or false."));
        return null;
    }

    /// <summary>An ISO 8601 time, UTC unless it says otherwise; null when absent.</summary>
    public static DateTimeOffset? Time(HttpRequest request, string name, List<ApiErrorDetail> problems)
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
