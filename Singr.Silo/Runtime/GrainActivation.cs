using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Singr.Silo.Grains;

namespace Singr.Silo.Runtime;

/// <summary>
/// One live instance of a grain and its mailbox. Every turn (activation, call, timer tick, deactivation) goes through
/// the mailbox and runs to completion before the next starts, in arrival order.
/// </summary>
#pragma warning disable CA1001 // The token source has no timer; grains may read DeactivationToken after deactivation, so it is never disposed.
internal sealed class GrainActivation
#pragma warning restore CA1001
{
    private readonly Channel<Func<Task>> _mailbox =
        Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _deactivating = new();
    private readonly List<GrainTimer> _timers = [];
    private readonly Type _grainClass;
    private readonly ILogger _logger;
    private bool _acceptingWork = true;
    private int _pendingCalls;
    private long _lastActivityTimestamp;
    private Grain? _instance;
    private Exception? _activationError;
    private volatile ActivationStatus _status = ActivationStatus.Activating;

    public GrainActivation(SiloRuntime runtime, GrainId grainId, Type grainClass, ILogger logger)
    {
        Runtime = runtime;
        GrainId = grainId;
        _grainClass = grainClass;
        _logger = logger;
        _lastActivityTimestamp = runtime.TimeProvider.GetTimestamp();
    }

    public SiloRuntime Runtime { get; }

    public GrainId GrainId { get; }

    public Guid ActivationId { get; } = Guid.NewGuid();

    public ActivationStatus Status => _status;

    public CancellationToken DeactivationToken => _deactivating.Token;

    /// <summary>Completes when the activation is gone (deactivated or failed to activate).</summary>
    public Task Deactivated => _deactivated.Task;

    public void Start()
    {
        _mailbox.Writer.TryWrite(ActivateAsync);
        _ = Task.Run(PumpAsync);
    }

    public Task<TResult> InvokeAsync<TResult>(Func<Grain, Task<TResult>> call)
    {
        var completion = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (!_acceptingWork)
            {
                throw new ActivationUnavailableException(GrainId);
            }

            _pendingCalls++;
            _mailbox.Writer.TryWrite(() => RunCallAsync(call, completion));
        }

        return completion.Task;
    }

    public bool IsIdleFor(TimeSpan idleTimeout)
    {
        lock (_gate)
        {
            return _status == ActivationStatus.Active
                && _acceptingWork
                && _pendingCalls == 0
                && Runtime.TimeProvider.GetElapsedTime(_lastActivityTimestamp) >= idleTimeout;
        }
    }

    /// <summary>Stops taking work; deactivates after the turns already queued. Safe to call more than once.</summary>
    public Task RequestDeactivation(DeactivationReason reason)
    {
        lock (_gate)
        {
            if (_acceptingWork)
            {
                _acceptingWork = false;
                _mailbox.Writer.TryWrite(() => DeactivateAsync(reason));
            }
        }

        return Deactivated;
    }

    public void MarkStateUnreliable()
    {
        if (_status == ActivationStatus.Active)
        {
            _status = ActivationStatus.Invalid;
        }

        RequestDeactivation(DeactivationReason.StateUnreliable);
    }

    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback, dueTime, period, _logger);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Start();
        return timer;
    }

    public void ForgetTimer(GrainTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    /// <summary>Runs one timer tick as a turn of the grain. Returns false when the activation no longer takes work.</summary>
    public async Task<bool> RunTimerTickAsync(Func<CancellationToken, Task> callback)
    {
        var completion = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (!_acceptingWork)
            {
                return false;
            }

            _mailbox.Writer.TryWrite(async () =>
            {
                if (_status != ActivationStatus.Active)
                {
                    completion.TrySetResult(false);
                    return;
                }

                try
                {
                    await callback(DeactivationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !DeactivationToken.IsCancellationRequested)
                {
                    _logger.LogError(ex, "A timer tick of {GrainId} failed; the timer goes on", GrainId);
                }

                completion.TrySetResult(true);
            });
        }

        return await completion.Task;
    }

    /// <summary>Turns still queued after the activation finished see its final status: calls fail or get rerouted.</summary>
    private async Task PumpAsync()
    {
        await foreach (var turn in _mailbox.Reader.ReadAllAsync())
        {
            await turn();
        }
    }

    private async Task RunCallAsync<TResult>(Func<Grain, Task<TResult>> call, TaskCompletionSource<TResult> completion)
    {
        try
        {
            switch (_status)
            {
                case ActivationStatus.Active:
                    completion.TrySetResult(await call(_instance!));
                    break;
                case ActivationStatus.Failed:
                    completion.TrySetException(_activationError!);
                    break;
                default:
                    completion.TrySetException(new ActivationUnavailableException(GrainId));
                    break;
            }
        }
        catch (Exception ex)
        {
            completion.TrySetException(ex);
        }
        finally
        {
            lock (_gate)
            {
                _pendingCalls--;
                _lastActivityTimestamp = Runtime.TimeProvider.GetTimestamp();
            }
        }
    }

    private async Task ActivateAsync()
    {
        var registered = false;
        try
        {
            await Runtime.Directory.RegisterAsync(this, DeactivationToken);
            registered = true;
            var instance = Runtime.CreateGrainInstance(_grainClass);
            instance.Attach(this);
            await instance.LoadStateAsync(DeactivationToken);
            await instance.OnActivateAsync(DeactivationToken);
            _instance = instance;
            _status = ActivationStatus.Active;
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Activation of {GrainId} failed", GrainId);
            _activationError = ex;
            _status = ActivationStatus.Failed;
            lock (_gate)
            {
                _acceptingWork = false;
            }

            if (registered)
            {
                await UnregisterQuietlyAsync();
            }

            Finish();
        }
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        if (_status is ActivationStatus.Failed or ActivationStatus.Deactivated)
        {
            return;
        }

        _status = ActivationStatus.Deactivating;
        await _deactivating.CancelAsync();
        GrainTimer[] timers;
        lock (_gate)
        {
            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }

        if (_instance is not null && reason is not (DeactivationReason.StateUnreliable or DeactivationReason.SiloFenced))
        {
            try
            {
                using var timeout = new CancellationTokenSource(Runtime.Options.DeactivationTimeout);
                await _instance.OnDeactivateAsync(reason, timeout.Token);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "OnDeactivateAsync of {GrainId} failed", GrainId);
            }
        }

        await UnregisterQuietlyAsync();
        _status = ActivationStatus.Deactivated;
        _logger.LogDebug("Deactivated {GrainId} ({Reason})", GrainId, reason);
        Finish();
    }

    private async Task UnregisterQuietlyAsync()
    {
        try
        {
            await Runtime.Directory.UnregisterAsync(this, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // A stale row pointing at this silo is replaced by the next activation on this silo, or taken over once the silo is gone.
            _logger.LogWarning(ex, "Could not remove the directory row of {GrainId}", GrainId);
        }
    }

    private void Finish()
    {
        Runtime.Catalog.Remove(this);
        _mailbox.Writer.TryComplete();
        _deactivated.TrySetResult();
    }
}
