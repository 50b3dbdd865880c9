using Singr.Grains.Interfaces.Runtime;
using Singr.Silo.Runtime;

namespace Singr.Silo.Grains;

/// <summary>
/// Base class of every grain. The silo creates the instance on the first call to its identity, runs one call at a time
/// on it in arrival order, and deactivates it when it has been idle for the configured period or the silo stops.
/// </summary>
public abstract class Grain
{
    private GrainActivation? _activation;

    internal GrainActivation Activation =>
        _activation ?? throw new InvalidOperationException("This grain was not created by a silo.");

    public GrainId GrainId => Activation.GrainId;

    protected IGrainFactory GrainFactory => Activation.Runtime.GrainFactory;

    /// <summary>Cancelled when the activation starts deactivating.</summary>
    protected CancellationToken DeactivationToken => Activation.DeactivationToken;

    /// <summary>The silo this activation runs on (its id), as Orleans's RuntimeIdentity: for logs and tests.</summary>
    public string RuntimeIdentity => Activation.Runtime.Identity.SiloId.ToString("D");

    public string GetPrimaryKeyString() => GrainId.Key;

    public Guid GetPrimaryKey() => Guid.Parse(GrainId.Key);

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A timer bound to this activation: each tick runs as a turn of the grain (never alongside a call), the next tick is
    /// scheduled only after the previous one finished, and the timer ends with the activation. Ticks do not keep the grain alive.
    /// </summary>
    protected IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Activation.RegisterTimer(callback, dueTime, period);
    }

    /// <summary>
    /// A persisted reminder: it survives deactivation and silo restarts and activates the grain when due.
    /// The grain must implement <see cref="IRemindable"/>.
    /// </summary>
    protected Task RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (this is not IRemindable)
        {
            throw new InvalidOperationException($"{GetType().Name} must implement {nameof(IRemindable)} to register reminders.");
        }

        return Activation.Runtime.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period, DeactivationToken);
    }

    protected Task UnregisterReminder(string reminderName) =>
        Activation.Runtime.Reminders.UnregisterAsync(GrainId, reminderName, CancellationToken.None);

    /// <summary>Deactivates this activation once the current call and the calls already queued have run.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation(DeactivationReason.ApplicationRequested);

    internal void Attach(GrainActivation activation) => _activation = activation;

    internal virtual Task LoadStateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
