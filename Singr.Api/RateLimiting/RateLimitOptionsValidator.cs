using Microsoft.Extensions.Options;

namespace Singr.Api.RateLimiting;

/// <summary>Refuses to start with a limit the fixed-window limiter would reject only at the first request.</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.ByPolicy()
            .Append(new(nameof(RateLimitOptions.RequestReplays), options.RequestReplays))
            .Where(policy => policy.Value is null || policy.Value.PermitLimit < 1 || policy.Value.Window <= TimeSpan.Zero)
            .Select(policy => $"{RateLimitOptions.SectionName}: the limit of policy '{policy.Key}' needs a PermitLimit of at least 1 and a positive Window.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
