using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Singr.Api.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter with one fixed-window policy per <see cref="RateLimitPolicies"/> name. Nothing is limited
/// globally: an endpoint opts in with <c>.RequireRateLimiting(RateLimitPolicies.X)</c>.
/// </summary>
public static class RateLimitingSetup
{
    public static IServiceCollection AddSingrRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<AcknowledgedRequests>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RateLimitRejection.WriteAsync;
        });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, AcknowledgedRequests>(AddPolicies);
        return services;
    }

    /// <summary>Runs after authentication, so that a signed-in caller is counted by user rather than by address.</summary>
    public static IApplicationBuilder UseSingrRateLimiting(this IApplicationBuilder app) => app.UseRateLimiter();

    private static void AddPolicies(RateLimiterOptions limiter, IOptions<RateLimitOptions> options, AcknowledgedRequests acknowledged)
    {
        var hostWindow = Window(options.Value.CustomerApi);
        var replayWindow = Window(options.Value.RequestReplays);
        foreach (var (policy, limit) in options.Value.ByPolicy())
        {
            var window = Window(limit);
            var replaysApart = RateLimitPolicies.ReplaysCountedApart.Contains(policy);
            limiter.AddPolicy(policy, context =>
                replaysApart && acknowledged.IsReplay(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(RateLimitPartitionKeys.ReplayFor(policy, context), _ => replayWindow)
                    : RateLimitPartitionKeys.HostFor(policy, context) is { } host
                        ? RateLimitPartition.GetFixedWindowLimiter(host, _ => hostWindow)
                        : RateLimitPartition.GetFixedWindowLimiter(RateLimitPartitionKeys.For(policy, context), _ => window));
        }
    }

    private static FixedWindowRateLimiterOptions Window(FixedWindowLimit limit) => new()
    {
        PermitLimit = limit.PermitLimit,
        Window = limit.Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
