using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Singr.Silo.Hosting;
using Singr.Silo.Messaging;

namespace Singr.Silo;

/// <summary>
/// A Singr silo: hosts grains in the Orleans cluster and answers <c>/health/live</c> and <c>/health/ready</c> on its
/// HTTP port (<c>urls</c>, 8080 in Kubernetes). SIGTERM stops it gracefully: Orleans hands its grains over first.
/// </summary>
public static class SiloProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains(SingrHosting.MigrateOnlyArgument))
        {
            return await SingrHosting.MigrateOnlyAsync([.. args.Where(a => a != SingrHosting.MigrateOnlyArgument)]);
        }

        var app = Build(args);
        await app.RunAsync();
        return 0;
    }

    /// <param name="configureServices">Extra services (test grains' dependencies in cluster tests).</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        SingrHosting.ConfigureLogging(builder.Logging, builder.Environment);
        var connectionString = SingrHosting.ConnectionStringFrom(builder.Configuration);
        builder.Services.AddSingrDatabase(connectionString, builder.Configuration);
        builder.UseOrleans(silo => silo.UseSingrCluster(builder.Configuration, connectionString));
        builder.Services.AddSingleton<IClusterPresence, LocalSiloPresence>();
        builder.Services.AddHealthChecks().AddCheck<ReadinessHealthCheck>("ready", tags: [ReadinessHealthCheck.Tag]);
        builder.Services.AddSingrMetrics("singr-silo");
        builder.Services.AddSingrMessaging(builder.Configuration);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadinessHealthCheck.Tag) });
        // Scraped from inside the cluster only: silo pods are not exposed through the ingress.
        app.MapPrometheusScrapingEndpoint(SingrMetricsSetup.MetricsPath);
        return app;
    }
}
