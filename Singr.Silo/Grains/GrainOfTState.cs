using Singr.Silo.Storage;

namespace Singr.Silo.Grains;

/// <summary>
/// A grain with persistent state. The state is read before <see cref="Grain.OnActivateAsync"/> and written only by
/// <see cref="WriteStateAsync()"/>, guarded by its version: a write that finds a newer version in the database fails,
/// and the activation is replaced by one that reads the fresh state.
/// </summary>
public abstract class Grain<TState> : Grain
    where TState : class, new()
{
    protected TState State { get; set; } = new();

    /// <summary>The version of <see cref="State"/> as last read or written; 0 while nothing was ever stored.</summary>
    protected long StateVersion { get; private set; }

    internal override Task LoadStateAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    protected async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await Activation.Runtime.StateStorage.ReadAsync(GrainId, cancellationToken);
        State = stored is null ? new TState() : GrainStateSerializer.Deserialize<TState>(stored.Json);
        StateVersion = stored?.Version ?? 0;
    }

    protected Task WriteStateAsync() => WriteStateAsync(alsoWrite: null);

    /// <summary>
    /// Writes the state and, in the same transaction, whatever <paramref name="alsoWrite"/> adds (history, ledger or
    /// event rows): all of it commits or none of it does. If any of it fails, the in-memory state is no longer trusted
    /// and this activation is replaced after the current call.
    /// </summary>
    protected Task WriteStateAsync(Action<GrainTransaction> alsoWrite)
    {
        ArgumentNullException.ThrowIfNull(alsoWrite);
        return WriteStateAsync(transaction =>
        {
            alsoWrite(transaction);
            return Task.CompletedTask;
        });
    }

    /// <summary>As above, for the rare write that must read inside its own transaction first.</summary>
    protected async Task WriteStateAsync(Func<GrainTransaction, Task>? alsoWrite)
    {
        var json = GrainStateSerializer.Serialize(State);
        try
        {
            StateVersion = await Activation.Runtime.StateStorage.WriteAsync(GrainId, json, StateVersion, alsoWrite, CancellationToken.None);
        }
        catch
        {
            Activation.MarkStateUnreliable();
            throw;
        }
    }
}
