using Microsoft.Extensions.Options;
using Singr.Api.Access;
using Singr.Grains.Interfaces.Customers;
using Orleans;
using Singr.Grains.Interfaces.Venues;

namespace Singr.Api.Hubs;

/// <summary>
/// Closes live connections whose access was withdrawn after they connected: a revoked player, a member removed from
/// the organisation their dashboard follows.
/// </summary>
public sealed class LiveAccessMonitor(LiveConnections connections, IGrainFactory grains, IOptions<SingrHubOptions> options, ILogger<LiveAccessMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.AccessCheckInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var connection in connections.All)
            {
                try
                {
                    if (!await StillAllowedAsync(connection))
                    {
                        logger.LogInformation("Closing live connection {ConnectionId}: its access was withdrawn", connection.ConnectionId);
                        connection.Abort();
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Checking live connection {ConnectionId} failed; the next round retries", connection.ConnectionId);
                }
            }
        }
    }

    private async Task<bool> StillAllowedAsync(LiveConnection connection)
    {
        var caller = connection.Caller;
        if (caller is { Kind: CallerKind.Player, VenueId: { } venueId } && Guid.TryParse(caller.Subject, out var playerId))
        {
            return await grains.GetGrain<IVenueGrain>(venueId).GetActivePlayer(playerId) is not null;
        }

        if (connection.Hub == CustomerHub.Name && caller is { UserId: { } userId, ActiveCustomerId: { } customerId })
        {
            return await grains.GetGrain<ICustomerGrain>(customerId).GetMember(userId) is not null;
        }

        return true;
    }
}
