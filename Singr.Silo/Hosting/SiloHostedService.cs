using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Singr.Silo.Cluster;
using Singr.Silo.Reminders;
using Singr.Silo.Runtime;

namespace Singr.Silo.Hosting;

/// <summary>
/// Starts the silo (joins the membership table, then runs heartbeats, idle collection and reminders) and stops it
/// gracefully: no new calls, the calls in flight finish, every activation deactivates, the membership row says stopped.
/// </summary>
internal sealed class SiloHostedService(
    SiloRuntime runtime,
    SiloLifecycle lifecycle,
    MembershipTable membership,
    MembershipAgent membershipAgent,
    ActivationCollector collector,
    ReminderService reminders,
    ILogger<SiloHostedService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _stopGate = new();
    private Task _background = Task.CompletedTask;
    private Task? _stop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        lifecycle.MoveTo(SiloStatus.Joining);
        await membership.JoinAsync(runtime.Identity, cancellationToken);
        _background = Task.WhenAll(
            RunLoopAsync(membershipAgent.RunAsync, "membership"),
            RunLoopAsync(collector.RunAsync, "activation collector"),
            RunLoopAsync(reminders.RunAsync, "reminders"));
        lifecycle.MoveTo(SiloStatus.Active);
        logger.LogInformation("Silo {SiloId} at {Address} is active", runtime.Identity.SiloId, runtime.Identity.Address);
    }

    /// <summary>Idempotent: a web host may be stopped both by its own run loop and by whoever disposes it.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopGate)
        {
            return _stop ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        var fenced = lifecycle.Status == SiloStatus.Dead;
        if (!fenced)
        {
            lifecycle.MoveTo(SiloStatus.ShuttingDown);
            await membership.SetStatusAsync(runtime.Identity, SiloStatus.ShuttingDown, cancellationToken);
        }

        logger.LogInformation("Silo {SiloId} is deactivating {Count} activations", runtime.Identity.SiloId, runtime.Catalog.Count);
        await runtime.DeactivateAllAsync(cancellationToken);
        await _stopping.CancelAsync();
        await _background;
        if (!fenced)
        {
            await membership.SetStatusAsync(runtime.Identity, SiloStatus.Stopped, cancellationToken);
            lifecycle.MoveTo(SiloStatus.Stopped);
        }

        logger.LogInformation("Silo {SiloId} stopped", runtime.Identity.SiloId);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunLoopAsync(Func<CancellationToken, Task> loop, string name)
    {
        try
        {
            await loop(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "The silo's {Loop} loop stopped", name);
        }
    }
}
