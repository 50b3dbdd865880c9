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
    SiloFencing fencing,
    ClusterMembershipView view,
    SiloOptions options,
    ILogger<MembershipAgent> logger)
{
    /// <summary>Tests pause heartbeats to play a silo that hangs (a long GC pause, a network partition).</summary>
    internal bool HeartbeatsPaused { get; set; }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.HeartbeatInterval, runtime.TimeProvider);
        var silence = options.HeartbeatInterval * options.MissedHeartbeatsBeforeDead;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (HeartbeatsPaused)
            {
                continue;
            }

            try
            {
                if (!await table.HeartbeatAsync(runtime.Identity, stoppingToken))
                {
                    await fencing.FenceAsync("its heartbeat found its membership row dead");
                    return;
                }

                var dead = await table.DeclareSilentSilosDeadAsync(runtime.Identity, silence, stoppingToken);
                foreach (var siloId in dead)
                {
                    logger.LogWarning("Declared silo {SiloId} dead after {Silence} without a heartbeat", siloId, silence);
                }

                await view.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Membership heartbeat failed; retrying on the next tick");
            }
        }
    }
}
