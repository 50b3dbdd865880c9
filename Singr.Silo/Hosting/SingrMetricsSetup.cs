using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Singr.Silo.Hosting;

/// <summary>
/// OpenTelemetry metrics of a Singr process, for <c>GET /metrics</c> in Prometheus text: ASP.NET Core, the .NET runtime,
/// Npgsql, Orleans's own meter and Singr's.
/// </summary>
public static class SingrMetricsSetup
{
    /// <summary>The meter of Orleans's own instruments (messaging, activations, membership, ...).</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>Singr's own instruments (requests queued and refused, credits spent, hub connections and deliveries).</summary>
    public const string SingrMeterName = "Singr";

    public const string MetricsPath = "/metrics";

    /// <param name="serviceName"><c>service_name</c> of <c>target_info</c> in the scrape (<c>singr-api</c>, <c>singr-silo</c>).</param>
    public static IServiceCollection AddSingrMetrics(this IServiceCollection services, string serviceName)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(OrleansMeterName, SingrMeterName, Messaging.MessagingMetrics.MeterName)
                .AddPrometheusExporter());
        return services;
    }
}
