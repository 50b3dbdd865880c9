using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Singr.Silo.Cluster;

namespace Singr.Silo.Hosting;

/// <summary>
/// For a front end (role <c>api</c>): keeps the list of live silos fresh, and reports the process active while at
/// least one silo is there to take its calls.
/// </summary>
internal sealed class FrontEndHostedService(
    ClusterMembershipView view,
    SiloLifecycle lifecycle,
    IOptions<ClusterOptions> options,
    ILogger<FrontEndHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MembershipRefreshInterval);
        do
        {
            try
            {
                await view.RefreshAsync(stoppingToken);
                lifecycle.MoveTo(view.Live.IsEmpty ? SiloStatus.Joining : SiloStatus.Active);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not read the cluster membership; retrying");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        lifecycle.MoveTo(SiloStatus.ShuttingDown);
        await base.StopAsync(cancellationToken);
        lifecycle.MoveTo(SiloStatus.Stopped);
    }
}
