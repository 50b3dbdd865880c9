using Singr.Api.Health;
using Singr.Api.Logging;
using Singr.Api.Seeding;
using Singr.Grains;
using Singr.Silo.Hosting;

namespace Singr.Api;

/// <summary>Composition of the Singr web application: services, then the request pipeline.</summary>
public static class SingrApplication
{
    public const string ConnectionStringName = "Singr";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        ConfigureLogging(builder);

        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? builder.Configuration["SINGR_POSTGRES"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "No database: set SINGR_POSTGRES (or ConnectionStrings__Singr) to a PostgreSQL connection string, or start with 'make run'.");
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingrDatabase(connectionString);
        builder.Services.AddSingrSilo(builder.Configuration, grains => grains.AddGrainsFromAssembly(GrainsAssembly.Assembly));
        if (builder.Configuration.GetValue<bool>("Singr:SeedDemo"))
        {
            builder.Services.AddHostedService<DemoSeeder>();
        }

        builder.Services.AddHealthChecks().AddCheck<ReadinessHealthCheck>("ready", tags: [HealthEndpoints.ReadyTag]);

        var app = builder.Build();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.MapHealthEndpoints();
        return app;
    }

    private static void ConfigureLogging(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(options =>
            {
                options.IncludeScopes = true;
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss ";
            });
        }
        else
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "O";
            });
        }

        // The framework's own request logs print full URLs, query string included (where a WebSocket's access_token
        // travels). RequestLoggingMiddleware logs each request once, without it.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing.EndpointMiddleware", LogLevel.Warning);
    }
}
