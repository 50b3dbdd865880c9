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
/// Runs grain calls on this silo: finds or creates the activation, queues the call in its mailbox, and when a state
/// write lost a version race, retries the call once on a fresh activation that reads the state anew.
/// Which silo a call belongs on is the <see cref="GrainCallRouter"/>'s business.
/// </summary>
internal sealed class SiloRuntime
{
    /// <summary>How often a call may land on an activation that is going away before it gives up.</summary>
    private const int MaxReroutes = 3;

    private readonly IServiceProvider _services;
    private readonly GrainTypeRegistry _registry;
    private readonly ILogger _logger;
    private volatile bool _acceptingCalls = true;
    private IGrainFactory? _grainFactory;

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
        _logger = loggerFactory.CreateLogger<SiloRuntime>();
    }

    public SiloOptions Options { get; }

    public SiloIdentity Identity { get; }

    /// <summary>Resolved on first use: the factory's router depends on this runtime.</summary>
    public IGrainFactory GrainFactory => _grainFactory ??= _services.GetRequiredService<IGrainFactory>();

    public bool IsAcceptingCalls => _acceptingCalls;

    public GrainStateStorage StateStorage { get; }

    public GrainDirectory Directory { get; }

    public ReminderTable Reminders { get; }

    public TimeProvider TimeProvider { get; }

    public Catalog Catalog { get; }

    public bool IsActiveHere(GrainId grainId) => Catalog.Contains(grainId);

    public async Task<object?> InvokeLocalAsync(GrainCall call, CancellationToken cancellationToken)
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
                return await activation.InvokeAsync(call.RunAsync)
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
    public async Task DeactivateAllAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _acceptingCalls = false;
        Catalog.StopActivating();
        var deactivations = Catalog.Activations.Select(a => a.RequestDeactivation(reason));
        await Task.WhenAll(deactivations).WaitAsync(cancellationToken);
    }

    public Grain CreateGrainInstance(Type grainClass) =>
        (Grain)ActivatorUtilities.CreateInstance(_services, grainClass);
}
