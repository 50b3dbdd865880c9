using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Singr.Api.RateLimiting;
using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>
/// The real application (silo in process) against a test database, with its logs captured. Rate limits are raised out
/// of reach unless <paramref name="productionRateLimits"/> keeps the product's; requests may carry
/// <see cref="TestClientAddress.HeaderName"/> to set the client address TestServer does not have. A
/// <paramref name="clock"/> replaces the wall clock (grains' expiries), not timers; <paramref name="settings"/> adds
/// configuration (a local fake's address, say).
/// </summary>
public sealed class SingrApiFactory(
    TestDatabase database,
    bool seedDemo = false,
    TimeProvider? clock = null,
    bool productionRateLimits = false,
    Action<IServiceCollection>? configureServices = null,
    IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    private const string UnreachablePermitLimit = "1000000";

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Singr", database.ConnectionString);
        builder.UseSetting("Singr:SeedDemo", seedDemo ? "true" : "false");
        // Test classes run side by side, each app with its own silo: each gets its own Orleans ports.
        builder.UseSetting("Singr:Orleans:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Singr:Orleans:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The outbox worker sends only in the tests that are about sending; the others read what was queued.
        builder.UseSetting("Singr:Messaging:WorkerEnabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (!productionRateLimits)
        {
            foreach (var policy in typeof(RateLimitOptions).GetProperties().Where(p => p.PropertyType == typeof(FixedWindowLimit)))
            {
                builder.UseSetting($"{RateLimitOptions.SectionName}:{policy.Name}:{nameof(FixedWindowLimit.PermitLimit)}", UnreachablePermitLimit);
            }
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(Logs));
            services.AddTransient<IStartupFilter, TestClientAddress>();
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }

            configureServices?.Invoke(services);
        });
    }
}
