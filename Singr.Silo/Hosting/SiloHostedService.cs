using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Singr.Silo.Cluster;
using Singr.Silo.Grains;
using Singr.Silo.Reminders;
using Singr.Silo.Runtime;

namespace Singr.Silo.Hosting;

/// <summary>
/// Starts the silo (joins the membership table, then runs heartbeats, idle collection and reminders) and drains it on
/// the way out. The drain runs in <see cref="StoppingAsync"/>, before the web server stops: while activations
/// deactivate, calls that still arrive here are forwarded to the silos that take the grains over, so none fails.
/// </summary>
internal sealed class SiloHostedService(
    SiloRuntime runtime,
    SiloLifecycle lifecycle,
    SiloFencing fencing,
    MembershipTable membership,
    MembershipAgent membershipAgent,
    ClusterMembershipView view,
    ActivationCollector collector,
    ReminderService reminders,
    SiloOptions options,
    ILogger<SiloHostedService> logger) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task _background = Task.CompletedTask;
    private Task? _drain;
    private Task? _stop;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        lifecycle.MoveTo(SiloStatus.Joining);
        await membership.JoinAsync(runtime.Identity, cancellationToken);
        await view.RefreshAsync(cancellationToken);
        _background = Task.WhenAll(
            RunLoopAsync(membershipAgent.RunAsync, "membership"),
            RunLoopAsync(collector.RunAsync, "activation collector"),
            RunLoopAsync(reminders.RunAsync, "reminders"));
        lifecycle.MoveTo(SiloStatus.Active);
        logger.LogInformation("Silo {SiloId} at {Address} is active", runtime.Identity.SiloId, runtime.Identity.Address);
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Idempotent: a web host may be stopped both by its own run loop and by whoever disposes it.</summary>
    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _drain ??= DrainAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _stop ??= StopOnceAsync(cancellationToken);
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopping.Dispose();

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (fencing.IsFenced)
        {
            return;
        }

        lifecycle.MoveTo(SiloStatus.ShuttingDown);
        await membership.SetStatusAsync(runtime.Identity, SiloStatus.ShuttingDown, cancellationToken);
        logger.LogInformation("Silo {SiloId} is draining {Count} activations", runtime.Identity.SiloId, runtime.Catalog.Count);
        await runtime.DeactivateAllAsync(DeactivationReason.SiloShuttingDown, cancellationToken);
        await view.RefreshAsync(cancellationToken);
        if (view.Live.Any(s => s.SiloId != runtime.Identity.SiloId))
        {
            await Task.Delay(options.DrainGracePeriod, runtime.TimeProvider, cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        await StoppingAsync(cancellationToken);
        await _stopping.CancelAsync();
        await _background;
        if (!fencing.IsFenced)
        {
            await membership.SetStatusAsync(runtime.Identity, SiloStatus.Stopped, cancellationToken);
            lifecycle.MoveTo(SiloStatus.Stopped);
        }

        logger.LogInformation("Silo {SiloId} stopped", runtime.Identity.SiloId);
    }

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
