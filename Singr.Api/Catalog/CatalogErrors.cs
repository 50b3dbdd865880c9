using System.Globalization;
using Singr.Api.Http;

namespace Singr.Api.Catalog;

/// <summary>Why jukebox search (or pricing a video) could not be answered, as the envelope says it.</summary>
public static class CatalogErrors
{
    public const string SearchOff = "JUKEBOX_SEARCH_OFF";
    public const string QuotaSpent = "JUKEBOX_SEARCH_QUOTA_SPENT";
    public const string ProviderFailed = "JUKEBOX_PROVIDER_FAILED";
    public const string VideoNotFound = "VIDEO_NOT_FOUND";

    public static (int Status, ApiError Error) Describe(string code) => code switch
    {
        SearchOff => (StatusCodes.Status422UnprocessableEntity, new ApiError(
            SearchOff, "Jukebox search is not switched on for this server (no YouTube API key is configured).", "Video search isn't available here.", [])),
        QuotaSpent => (StatusCodes.Status503ServiceUnavailable, new ApiError(
            QuotaSpent, "Today's YouTube quota is spent: jukebox search is off until it resets at midnight Pacific time (Retry-After).",
            "Video search is resting for today. Try again later!", [])),
        ProviderFailed => (StatusCodes.Status502BadGateway, new ApiError(
            ProviderFailed, "YouTube did not answer (an error, a timeout or an answer Singr cannot read); nothing was charged.",
            "Video search isn't answering right now. Please try again in a moment.", [])),
        VideoNotFound => (StatusCodes.Status422UnprocessableEntity, new ApiError(
            VideoNotFound, "YouTube has no video with this id that a queue can play (unknown, private, live or too long).",
            "We couldn't find that video.", [new ApiErrorDetail("youtubeId", "No playable video has this id.")])),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not a catalog error."),
    };

    /// <summary>A refusal that has no time to come back at.</summary>
    public static IResult Refused(HttpContext context, string code)
    {
        var (status, error) = Describe(code);
        return ApiResults.Failure(context, status, error);
    }

    /// <summary>The refusal as a reply; a spent quota says when to come back (Retry-After, in seconds).</summary>
    public static IResult ToResult<T>(HttpContext context, CatalogOutcome<T> outcome, TimeProvider clock)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(clock);
        var (status, error) = Describe(outcome.Error ?? throw new ArgumentException("Not a refusal.", nameof(outcome)));
        if (outcome.RetryAt is { } retryAt)
        {
            var seconds = Math.Max(1, (long)Math.Ceiling((retryAt - clock.GetUtcNow()).TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return ApiResults.Failure(context, status, error);
    }
}
