using Npgsql;
using Singr.Api.Admin;
using Singr.Api.Audit;
using Singr.Api.Auth;
using Singr.Api.Customers;
using Singr.Api.Health;
using Singr.Api.Hubs;
using Singr.Api.Http;
using Singr.Api.Logging;
using Singr.Api.OpenApi;
using Singr.Api.Players;
using Singr.Api.Queue;
using Singr.Api.Quotas;
using Singr.Api.RateLimiting;
using Singr.Api.Requests;
using Singr.Api.Seeding;
using Singr.Api.Venues;
using Singr.Api.Wallets;
using Singr.Grains;
using Singr.Silo.Cluster;
using Singr.Silo.Forwarding;
using Singr.Silo.Hosting;
using Singr.Silo.Migrations;
using Singr.Silo.Runtime;

namespace Singr.Api;

/// <summary>Composition of a Singr process: services for its role, then the request pipeline.</summary>
public static class SingrApplication
{
    public const string ConnectionStringName = "Singr";

    /// <param name="args">Command-line arguments (configuration overrides such as <c>--Singr:Cluster:Role=silo</c>).</param>
    /// <param name="registerExtraGrains">Grains besides Singr's own (test grains in cluster tests).</param>
    /// <param name="configureBuilder">Runs before anything reads configuration.</param>
    public static WebApplication Build(
        string[] args,
        Action<GrainTypeRegistry>? registerExtraGrains = null,
        Action<WebApplicationBuilder>? configureBuilder = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configureBuilder?.Invoke(builder);
        ConfigureLogging(builder.Logging, builder.Environment);

        var connectionString = ConnectionStringFrom(builder.Configuration);

        var role = ClusterOptions.ParseRole(builder.Configuration[$"{ClusterOptions.SectionName}:Role"] ?? "silo+api");
        builder.Services.AddSingleton(TimeProvider.System);
        // Unreadable bodies throw in every environment, so ErrorEnvelopes answers them alike (400 with the field).
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddSingrDatabase(connectionString, builder.Configuration);
        builder.Services.AddSingrCluster(
            builder.Configuration,
            grains =>
            {
                grains.AddGrainsFromAssembly(GrainsAssembly.Assembly);
                registerExtraGrains?.Invoke(grains);
            },
            silo => silo.Address = AdvertisedAddress(builder.Configuration) ?? silo.Address);
        if (builder.Configuration.GetValue<bool>("Singr:SeedDemo") && role != ProcessRole.Silo)
        {
            builder.Services.AddHostedService<DemoSeeder>();
        }

        if (role != ProcessRole.Silo)
        {
            builder.Services.AddSingrForwardedHeaders(builder.Configuration);
            builder.Services.AddSingrAuthentication(builder.Configuration);
            builder.Services.AddSingrRateLimiting(builder.Configuration);
            builder.Services.AddSingrApiDocumentation();
            builder.Services.AddSingleton<VenueDirectory>();
            builder.Services.AddSingleton<MembershipDirectory>();
            builder.Services.AddSingleton<UserDirectory>();
            builder.Services.AddSingleton<AuditLog>();
            builder.Services.AddSingleton<CreditLedger>();
            builder.Services.AddSingleton<RequestHistory>();
            builder.Services.AddSingleton<RequestBook>();
            builder.Services.AddSingrHubs(builder.Configuration);
        }

        builder.Services.AddHealthChecks().AddCheck<ReadinessHealthCheck>("ready", tags: [HealthEndpoints.ReadyTag]);

        var app = builder.Build();
        if (role != ProcessRole.Silo)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<RequestLoggingMiddleware>();
        if (role != ProcessRole.Silo)
        {
            // The kiosk and dashboard pages (wwwroot): served before anything else can answer for them; a path that is
            // no file falls through, so a missing page or an unknown /v1 route still gets the error envelope.
            app.UseDefaultFiles();
            app.UseStaticFiles();
        }

        app.UseErrorEnvelopes();
        if (role != ProcessRole.Silo)
        {
            app.UseSingrApiDocumentation();
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseSingrRateLimiting();
            app.MapAuthEndpoints();
            app.MapProfileEndpoints();
            app.MapCustomerEndpoints();
            app.MapVenueEndpoints();
            app.MapPlayerEndpoints();
            app.MapAuditEndpoints();
            app.MapAdminEndpoints();
            app.MapVenueSettingsEndpoints();
            app.MapQueueEndpoints();
            app.MapPlayerAuthorityEndpoints();
            app.MapCreditEndpoints();
            app.MapRequestHistoryEndpoints();
            app.MapRequestManagementEndpoints();
            app.MapRequestApprovalEndpoints();
            app.MapQuotaEndpoints();
            app.MapSingrHubs();
        }

        app.MapHealthEndpoints();
        if (role != ProcessRole.Api)
        {
            app.MapSingrInternalEndpoints();
        }

        return app;
    }

    /// <summary>
    /// <c>--migrate-only</c> (the Kubernetes migration Job): applies pending migrations and exits, 0 on success.
    /// </summary>
    public static async Task<int> MigrateOnlyAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        ConfigureLogging(builder.Logging, builder.Environment);
        using var dataSource = NpgsqlDataSource.Create(ConnectionStringFrom(builder.Configuration));
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Singr.Migrations");
        var runner = new MigrationRunner(dataSource, host.Services.GetRequiredService<ILogger<MigrationRunner>>());
        try
        {
            var applied = await runner.ApplyAsync(EmbeddedMigrations.Load(), CancellationToken.None);
            logger.LogInformation("Migrations are current ({Applied} applied now)", applied);
            return 0;
        }
        catch (MigrationFailedException ex)
        {
            logger.LogCritical(ex, "Migration failed; the database is as it was before that migration");
            return 1;
        }
    }

    internal static string ConnectionStringFrom(ConfigurationManager configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName) ?? configuration["SINGR_POSTGRES"];
        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException(
                "No database: set SINGR_POSTGRES (or ConnectionStrings__Singr) to a PostgreSQL connection string, or start with 'make run'.")
            : connectionString;
    }

    /// <summary>
    /// Where other processes reach this silo: <c>Singr:Silo:Address</c> when set (Kubernetes sets it from the pod IP),
    /// else the first URL Kestrel listens on, with a wildcard host replaced by this machine's name.
    /// </summary>
    private static string? AdvertisedAddress(ConfigurationManager configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[$"{SiloOptions.SectionName}:Address"]))
        {
            return null;
        }

        var firstUrl = (configuration["urls"] ?? "http://127.0.0.1:5080").Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        return firstUrl
            .Replace("://+:", $"://{Environment.MachineName}:", StringComparison.Ordinal)
            .Replace("://*:", $"://{Environment.MachineName}:", StringComparison.Ordinal)
            .Replace("://0.0.0.0:", $"://{Environment.MachineName}:", StringComparison.Ordinal)
            .Replace("://[::]:", $"://{Environment.MachineName}:", StringComparison.Ordinal);
    }

    internal static void ConfigureLogging(ILoggingBuilder logging, IHostEnvironment environment)
    {
        logging.ClearProviders();
        if (environment.IsDevelopment())
        {
            logging.AddSimpleConsole(options =>
            {
                options.IncludeScopes = true;
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss ";
            });
        }
        else
        {
            logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "O";
            });
        }

        // The framework's own request logs print full URLs, query string included (where a WebSocket's access_token
        // travels). RequestLoggingMiddleware logs each request once, without it.
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore.Routing.EndpointMiddleware", LogLevel.Warning);
    }
}
