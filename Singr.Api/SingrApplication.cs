using Singr.Api.Admin;
using Singr.Api.Audit;
using Singr.Api.Auth;
using Singr.Api.Catalog;
using Singr.Api.Customers;
using Singr.Api.Health;
using Singr.Api.Hubs;
using Singr.Api.Http;
using Singr.Api.Logging;
using Singr.Api.Messaging;
using Singr.Api.Notifications;
using Singr.Api.Operations;
using Singr.Api.OpenApi;
using Singr.Api.Players;
using Singr.Api.Queue;
using Singr.Api.Quotas;
using Singr.Api.RateLimiting;
using Singr.Api.Requests;
using Singr.Api.Seeding;
using Singr.Api.Payments;
using Singr.Api.Songbook;
using Singr.Api.Venues;
using Singr.Api.Wallets;
using Singr.Silo.Hosting;
using Singr.Silo.Messaging;

namespace Singr.Api;

/// <summary>Composition of a Singr process: services for its role, then the request pipeline.</summary>
public static class SingrApplication
{
    /// <param name="args">Command-line arguments (configuration overrides such as <c>--Singr:Cluster:Role=api</c>).</param>
    /// <param name="configureBuilder">Runs before anything reads configuration.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configureBuilder = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configureBuilder?.Invoke(builder);
        SingrHosting.ConfigureLogging(builder.Logging, builder.Environment);

        var connectionString = SingrHosting.ConnectionStringFrom(builder.Configuration);
        var role = FrontEndRoles.Parse(builder.Configuration[FrontEndRoles.ConfigurationKey]);
        builder.Services.AddSingleton(TimeProvider.System);
        // Unreadable bodies throw in every environment, so ErrorEnvelopes answers them alike (400 with the field).
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddSingrDatabase(connectionString, builder.Configuration);
        if (role == FrontEndRoles.CoHosted)
        {
            builder.UseOrleans(silo => silo.UseSingrCluster(builder.Configuration, connectionString));
            builder.Services.AddSingrMessaging(builder.Configuration);
        }
        else
        {
            builder.UseOrleansClient(client => client.UseSingrCluster(builder.Configuration, connectionString).AddSingrDashboard());
        }

        builder.Services.AddSingrEventStreams(builder.Configuration);
        if (builder.Configuration.GetValue<bool>("Singr:SeedDemo"))
        {
            builder.Services.AddHostedService<DemoSeeder>();
        }

        builder.Services.AddSingrForwardedHeaders(builder.Configuration);
        builder.Services.AddSingrHttpHardening();
        builder.WebHost.ConfigureKestrel(KestrelSettings.Apply);
        builder.Services.AddSingrAuthentication(builder.Configuration);
        builder.Services.AddSingrRateLimiting(builder.Configuration);
        builder.Services.AddSingrApiDocumentation();
        builder.Services.AddSingleton<VenueDirectory>();
        builder.Services.AddSingleton<SongbookSearch>();
        builder.Services.AddSingrCatalog(builder.Configuration);
        builder.Services.AddOptions<PlayerOptions>().Bind(builder.Configuration.GetSection(PlayerOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<PlayerOptions>, PlayerOptionsValidator>();
        builder.Services.AddSingleton<PatronRequests>();
        builder.Services.AddSingrPayments(builder.Configuration);
        builder.Services.AddSingleton<MembershipDirectory>();
        builder.Services.AddSingleton<UserDirectory>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<OutboxBook>();
        builder.Services.AddSingleton<SecurityAudit>();
        builder.Services.AddSingleton<CreditLedger>();
        builder.Services.AddSingleton<RequestHistory>();
        builder.Services.AddSingleton<RequestBook>();
        builder.Services.AddSingleton<NotificationInbox>();
        builder.Services.AddSingrHubs(builder.Configuration);
        builder.Services.AddSingrOperations(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<ReadinessHealthCheck>("ready", tags: [ReadinessHealthCheck.Tag]);

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<RequestLoggingMiddleware>();
        // First of what can fail, so that every failure after it, the hardening's own included, leaves in the envelope.
        app.UseErrorEnvelopes();
        app.UseSingrHttpHardening();
        // The kiosk and dashboard pages (wwwroot): served before anything else can answer for them; a path that is
        // no file falls through, so a missing page or an unknown /v1 route still gets the error envelope.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseSingrApiDocumentation();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseSingrRateLimiting();
        app.MapAuthEndpoints();
        app.MapProfileEndpoints();
        app.MapAccountFlowEndpoints();
        app.MapAccountSecurityEndpoints();
        app.MapCustomerEndpoints();
        app.MapVenueEndpoints();
        app.MapPlayerEndpoints();
        app.MapAuditEndpoints();
        app.MapAdminEndpoints();
        app.MapVenueSettingsEndpoints();
        app.MapQueueEndpoints();
        app.MapSongbookEndpoints();
        app.MapPlayerAuthorityEndpoints();
        app.MapCreditEndpoints();
        app.MapPaymentEndpoints();
        app.MapPurchaseAdminEndpoints();
        app.MapMessageAdminEndpoints();
        app.MapRequestHistoryEndpoints();
        app.MapRequestManagementEndpoints();
        app.MapRequestApprovalEndpoints();
        app.MapPatronRequestEndpoints();
        app.MapQuotaEndpoints();
        app.MapNotificationEndpoints();
        app.MapSingrHubs();
        app.MapHealthEndpoints();
        app.MapSingrOperations();
        return app;
    }

}
