using Microsoft.Extensions.Options;
using Singr.Grains.Interfaces.Catalog;

namespace Singr.Api.Catalog;

/// <summary>Checked at start: a bad setting stops the process rather than failing every jukebox search later.</summary>
public sealed class YouTubeOptionsValidator(IHostEnvironment environment) : IValidateOptions<YouTubeOptions>
{
    public ValidateOptionsResult Validate(string? name, YouTubeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = YouTubeOptions.SectionName;
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment))
        {
            failures.Add($"{section}:BaseUrl must be an absolute http(s) URL without a query, like {YouTubeOptions.DefaultBaseUrl}.");
        }
        else if (environment.IsProduction() && baseUrl.Scheme != "https")
        {
            failures.Add($"{section}:BaseUrl must be https in Production: the API key travels in it.");
        }

        if (options.ApiKey is { } key && key.Length > 0 && (string.IsNullOrWhiteSpace(key) || key.Any(char.IsWhiteSpace) || key.Length > 200))
        {
            failures.Add($"{section}:ApiKey must be a key without spaces (or left out to switch jukebox search off).");
        }

        if (options.DailyQuotaUnits < YouTubeQuotaCosts.Search + YouTubeQuotaCosts.Videos)
        {
            failures.Add($"{section}:DailyQuotaUnits must allow one search ({YouTubeQuotaCosts.Search + YouTubeQuotaCosts.Videos} units) at least.");
        }

        if (options.CacheDuration < TimeSpan.Zero || options.CacheDuration > TimeSpan.FromDays(1))
        {
            failures.Add($"{section}:CacheDuration must be from 00:00:00 to 1.00:00:00.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(2))
        {
            failures.Add($"{section}:Timeout must be more than zero and at most 00:02:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
