using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Singr.Api.Access;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Grains.Interfaces.Access;

namespace Singr.Api.Hubs;

/// <summary>SignalR with Singr's limits, the two hubs, and the connection stats endpoint.</summary>
public static class HubSetup
{
    public static IServiceCollection AddSingrHubs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SingrHubOptions>().Bind(configuration.GetSection(SingrHubOptions.SectionName));
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<VenueFeeds>();
        services.AddHostedService<LiveAccessMonitor>();
        var limits = configuration.GetSection(SingrHubOptions.SectionName).Get<SingrHubOptions>() ?? new SingrHubOptions();
        services.AddSignalR(hub =>
        {
            hub.MaximumReceiveMessageSize = limits.MaximumReceiveMessageSize;
            hub.KeepAliveInterval = limits.KeepAliveInterval;
            hub.ClientTimeoutInterval = limits.ClientTimeoutInterval;
            hub.MaximumParallelInvocationsPerClient = 1;
            hub.EnableDetailedErrors = false;
            hub.AddFilter<HubCallLogging>();
            hub.AddFilter<StorableTextHubFilter>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapSingrHubs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<VenueHub>(VenueHub.Path, Transports);
        endpoints.MapHub<CustomerHub>(CustomerHub.Path, Transports);
        endpoints.MapGet("/v1/customer/ws/stats", Stats)
            .WithTags("Live updates")
            .WithSummary("Live connections in this process: all, and host dashboards")
            .ProducesEnvelope<LiveConnectionStats>()
            .ProducesErrors(StatusCodes.Status403Forbidden)
            .RequireRateLimiting(RateLimitPolicies.CustomerApi)
            .RequireCustomerPermission(Permissions.RequestsRead);
        return endpoints;
    }

    private static void Transports(HttpConnectionDispatcherOptions options)
    {
        // WebSockets only: the ingress has no session affinity (k8s/ingress.yaml), so a connection must be one long-lived
        // request on the front end it reached; clients skip negotiation.
        options.Transports = HttpTransportType.WebSockets;
        options.TransportMaxBufferSize = 64 * 1024;
        options.ApplicationMaxBufferSize = 64 * 1024;
    }

    private static IResult Stats(HttpContext context, LiveConnections connections) =>
        ApiResults.Success(context, new LiveConnectionStats(connections.All.Count, connections.Count(CustomerHub.Name)));
}
