using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Singr.Grains.Interfaces.Runtime;
using Singr.Silo.Cluster;
using Singr.Silo.Grains;
using Singr.Silo.Hosting;
using Singr.Silo.Reminders;
using Singr.Silo.Storage;

namespace Singr.Silo.Runtime;

/// <summary>
/// Runs grain calls: finds or creates the activation, queues the call in its mailbox, and when a state write lost a
/// version race, retries the call once on a fresh activation that reads the state anew.
/// </summary>
internal sealed class SiloRuntime
{
    /// <summary>How often a call may land on an activation that is going away before it gives up.</summary>
    private const int MaxReroutes = 3;

    private readonly IServiceProvider _services;
    private readonly GrainTypeRegistry _registry;
    private readonly ILogger _logger;
    private volatile bool _acceptingCalls = true;

    public SiloRuntime(
        IServiceProvider services,
        GrainTypeRegistry registry,
        SiloOptions options,
        SiloIdentity identity,
        GrainStateStorage stateStorage,
        GrainDirectory directory,
        ReminderTable reminders,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        _services = services;
        _registry = registry;
        Options = options;
        Identity = identity;
        StateStorage = stateStorage;
        Directory = directory;
        Reminders = reminders;
        TimeProvider = timeProvider;
        Catalog = new Catalog(loggerFactory);
        GrainFactory = new GrainFactory(this, registry);
        _logger = loggerFactory.CreateLogger<SiloRuntime>();
    }

    public SiloOptions Options { get; }

    public SiloIdentity Identity { get; }

    public IGrainFactory GrainFactory { get; }

    public GrainStateStorage StateStorage { get; }

    public GrainStateSerializer StateSerializer { get; } = new();

    public GrainDirectory Directory { get; }

    public ReminderTable Reminders { get; }

    public TimeProvider TimeProvider { get; }

    public Catalog Catalog { get; }

    public async Task<TResult> InvokeAsync<TResult>(GrainCall call, CancellationToken cancellationToken)
    {
        if (!_acceptingCalls)
        {
            throw new SiloUnavailableException($"The silo is shutting down; {call.GrainId} cannot be called here now.");
        }

        var grainClass = _registry.ClassOf(call.GrainId.Type);
        var retriedAfterConflict = false;
        var reroutes = 0;
        while (true)
        {
            var activation = Catalog.GetOrCreate(this, call.GrainId, grainClass);
            try
            {
                return await activation.InvokeAsync(grain => RunAsync<TResult>(call, grain))
                    .WaitAsync(Options.CallTimeout, TimeProvider, cancellationToken);
            }
            catch (ActivationUnavailableException ex)
            {
                if (++reroutes > MaxReroutes)
                {
                    throw new GrainTransientException(call.GrainId, "its activations kept going away; retry the call.", ex);
                }
            }
            catch (InconsistentStateException ex)
            {
                if (retriedAfterConflict)
                {
                    throw new GrainTransientException(call.GrainId, "another activation kept writing first; retry the call.", ex);
                }

                _logger.LogInformation("{GrainId} lost a state version race; retrying the call on fresh state", call.GrainId);
                retriedAfterConflict = true;
            }

            await activation.Deactivated.WaitAsync(Options.DeactivationTimeout, TimeProvider, cancellationToken);
        }
    }

    /// <summary>Stops new calls from outside the silo, then deactivates every activation after the calls they already hold.</summary>
    public async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        _acceptingCalls = false;
        Catalog.StopActivating();
        var deactivations = Catalog.Activations.Select(a => a.RequestDeactivation(DeactivationReason.SiloShuttingDown));
        await Task.WhenAll(deactivations).WaitAsync(cancellationToken);
    }

    public Grain CreateGrainInstance(Type grainClass) =>
        (Grain)ActivatorUtilities.CreateInstance(_services, grainClass);

    private static async Task<TResult> RunAsync<TResult>(GrainCall call, Grain grain)
    {
        var task = call.Run(grain);
        await task;
        return task is Task<TResult> typed ? typed.Result : default!;
    }
}
