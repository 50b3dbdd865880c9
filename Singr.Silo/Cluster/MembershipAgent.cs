using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Singr.Silo.Hosting;
using Singr.Silo.Runtime;

namespace Singr.Silo.Cluster;

/// <summary>
/// Heartbeats this silo's membership row and declares silent silos dead. A silo that finds itself declared dead stops
/// hosting at once and asks its host to exit: it may have been replaced, and two owners of a grain must never both write.
/// </summary>
internal sealed class MembershipAgent(
    MembershipTable table,
    SiloRuntime runtime,
    SiloLifecycle lifecycle,
    SiloOptions options,
    IHostApplicationLifetime applicationLifetime,
    ILogger<MembershipAgent> logger)
{
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.HeartbeatInterval, runtime.TimeProvider);
        var silence = options.HeartbeatInterval * options.MissedHeartbeatsBeforeDead;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (!await table.HeartbeatAsync(runtime.Identity, stoppingToken))
                {
                    await FenceAsync();
                    return;
                }

                var dead = await table.DeclareSilentSilosDeadAsync(runtime.Identity, silence, stoppingToken);
                foreach (var siloId in dead)
                {
                    logger.LogWarning("Declared silo {SiloId} dead after {Silence} without a heartbeat", siloId, silence);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Membership heartbeat failed; retrying on the next tick");
            }
        }
    }

    private async Task FenceAsync()
    {
        logger.LogCritical("Silo {SiloId} was declared dead by the cluster; it stops hosting grains and exits", runtime.Identity.SiloId);
        lifecycle.MoveTo(SiloStatus.Dead);
        using var timeout = new CancellationTokenSource(options.DeactivationTimeout);
        try
        {
            await runtime.DeactivateAllAsync(timeout.Token);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Deactivation after fencing did not finish");
        }

        applicationLifetime.StopApplication();
    }
}
