using Singr.Silo.Grains;
using Singr.Silo.Hosting;

namespace Singr.Silo.Runtime;

/// <summary>Deactivates activations that had no call for the configured idle period.</summary>
internal sealed class ActivationCollector(SiloRuntime runtime, SiloOptions options)
{
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CollectionInterval, runtime.TimeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var activation in runtime.Catalog.Activations.Where(a => a.IsIdleFor(options.IdleTimeout)))
            {
                _ = activation.RequestDeactivation(DeactivationReason.IdleTimeout);
            }
        }
    }
}
