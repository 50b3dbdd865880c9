using Orleans.Dashboard;
using Orleans.Hosting;
using Singr.Silo.Hosting;
using IPNetwork = System.Net.IPNetwork;

namespace Singr.Api.Operations;

/// <summary>
/// The operator surfaces of a front end: <c>GET /metrics</c> (Prometheus text, through OpenTelemetry) and the Orleans
/// Dashboard under <c>/ops/orleans</c> (platform admins), opened by a person from <c>/ops/</c>.
/// </summary>
public static class OperationsSetup
{
    public const string MetricsPath = SingrMetricsSetup.MetricsPath;

    /// <summary><c>service_name</c> of <c>target_info</c> in the scrape.</summary>
    public const string ServiceName = "singr-api";

    private const int MaxSessionHours = 12;

    public static IServiceCollection AddSingrOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OperationsOptions>()
            .Bind(configuration.GetSection(OperationsOptions.SectionName))
            .Validate(
                options => options.MetricsNetworks.All(network => IPNetwork.TryParse(network.Trim(), out _)),
                $"Every entry of {OperationsOptions.SectionName}:MetricsNetworks must be a CIDR range such as 10.0.0.0/8 or fd00::/8.")
            .Validate(
                options => options.DashboardSessionLifetime > TimeSpan.Zero && options.DashboardSessionLifetime <= TimeSpan.FromHours(MaxSessionHours),
                $"{OperationsOptions.SectionName}:DashboardSessionLifetime must be more than zero and at most {MaxSessionHours} hours.")
            .ValidateOnStart();
        services.AddSingleton<SingrMetrics>();
        services.AddSingleton<DashboardSessionTokens>();
        services.AddSingrMetrics(ServiceName);
        return services;
    }

    /// <summary>The dashboard's client side on a front end that hosts no silo: it asks the silos' dashboard grains.</summary>
    public static IClientBuilder AddSingrDashboard(this IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.AddDashboard();
    }

    /// <summary>
    /// <c>/metrics</c>, the dashboard under <c>/ops/orleans</c>, <c>POST /v1/admin/ops/session</c> and the page <c>/ops/</c>.
    /// Runs after authentication (the endpoints read the caller's token).
    /// </summary>
    public static WebApplication MapSingrOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Created now, so the connection gauges are exported before the first song request.
        app.Services.GetRequiredService<SingrMetrics>();
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, branch => branch.UseMiddleware<MetricsAccessMiddleware>(), optionsName: null);
        app.MapOrleansDashboard(DashboardSessionTokens.DashboardPath)
            .AddEndpointFilter<RouteGroupBuilder, DashboardAccessFilter>()
            .ExcludeFromDescription();
        app.MapOperationsEndpoints();
        return app;
    }
}
