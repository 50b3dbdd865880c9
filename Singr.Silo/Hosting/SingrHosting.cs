using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Singr.Silo.Migrations;

namespace Singr.Silo.Hosting;

/// <summary>What every Singr process (silo or front end) starts with: its database, its logging, <c>--migrate-only</c>.</summary>
public static class SingrHosting
{
    public const string ConnectionStringName = "Singr";

    public const string MigrateOnlyArgument = "--migrate-only";

    public static string ConnectionStringFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName) ?? configuration["SINGR_POSTGRES"];
        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException(
                "No database: set SINGR_POSTGRES (or ConnectionStrings__Singr) to a PostgreSQL connection string, or start with 'make run'.")
            : connectionString;
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

    public static void ConfigureLogging(ILoggingBuilder logging, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(environment);
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
        // A failed hub call is logged once by Singr's hub filter (HubCallLogging): a refusal without a stack trace.
        logging.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.None);
        // Orleans reports every membership and directory step at Information.
        logging.AddFilter("Orleans", LogLevel.Warning);
    }
}
