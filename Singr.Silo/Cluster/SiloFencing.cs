using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Singr.Silo.Grains;
using Singr.Silo.Hosting;
using Singr.Silo.Runtime;

namespace Singr.Silo.Cluster;

/// <summary>
/// What a silo does when it learns the cluster declared it dead (a missed heartbeat found by its own heartbeat, or a
/// write refused): stop hosting at once, drop every activation without writing, and ask the host to exit so the
/// orchestrator restarts it as a new silo.
/// </summary>
internal sealed class SiloFencing(
    SiloRuntime runtime,
    SiloLifecycle lifecycle,
    SiloOptions options,
    IHostApplicationLifetime applicationLifetime,
    ILogger<SiloFencing> logger)
{
    private int _fenced;

    public bool IsFenced => Volatile.Read(ref _fenced) == 1;

    public async Task FenceAsync(string how)
    {
        if (Interlocked.Exchange(ref _fenced, 1) == 1)
        {
            return;
        }

        logger.LogCritical("Silo {SiloId} was declared dead by the cluster ({How}); it stops hosting grains and exits", runtime.Identity.SiloId, how);
        lifecycle.MoveTo(SiloStatus.Dead);
        using var timeout = new CancellationTokenSource(options.DeactivationTimeout);
        try
        {
            await runtime.DeactivateAllAsync(DeactivationReason.SiloFenced, timeout.Token);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Dropping activations after fencing did not finish");
        }

        applicationLifetime.StopApplication();
    }
}
