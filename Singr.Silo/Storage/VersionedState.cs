using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Singr.Grains.Persistence;

namespace Singr.Silo.Storage;

/// <summary>
/// One activation's state: read when the grain activates (Orleans's SetupState stage, before <c>OnActivateAsync</c>),
/// written with its side rows by <see cref="GrainStateStore"/>. A failed write leaves the in-memory state untrusted:
/// a version conflict deactivates the activation through Orleans (and the call is retried by
/// <c>StaleStateRetryFilter</c>); any other failure deactivates it here.
/// </summary>
internal sealed class VersionedState<TState>(
    GrainStateKey key,
    IGrainContext context,
    GrainStateStore store,
    ILogger logger) : IVersionedState<TState>, ILifecycleParticipant<IGrainLifecycle>
    where TState : class, new()
{
    public TState State { get; set; } = new();

    public long Version { get; private set; }

    public void Participate(IGrainLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(VersionedState<TState>), GrainLifecycleStage.SetupState, ReadAsync);

    public async Task WriteAsync(IReadOnlyCollection<ISideRow> sideRows)
    {
        ArgumentNullException.ThrowIfNull(sideRows);
        var json = GrainStateSerializer.Serialize(State);
        try
        {
            Version = await store.WriteAsync(key, json, Version, sideRows, CancellationToken.None);
        }
        catch (InconsistentStateException)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Writing the state of {Grain} failed; the activation is replaced", key);
            context.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, $"State write failed: {ex.GetType().Name}"));
            throw;
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(key, cancellationToken);
        State = stored is null ? new TState() : GrainStateSerializer.Deserialize<TState>(stored.Json);
        Version = stored?.Version ?? 0;
    }
}
