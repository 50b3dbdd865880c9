namespace Singr.Grains.Persistence;

/// <summary>
/// A grain's state, guarded by a version. A write commits the state row and the write's side rows (projections,
/// ledger, audit, stream events) in one transaction, or nothing. A write that finds a newer version (another activation
/// wrote first) throws Orleans's <c>InconsistentStateException</c>: the activation is replaced and the call retried on
/// fresh state. A write from a silo the cluster no longer lists as active is refused inside the same transaction.
/// Any failed write leaves the in-memory state untrusted, so the activation is replaced after the current call.
/// </summary>
public interface IVersionedState<TState>
    where TState : class, new()
{
    TState State { get; set; }

    /// <summary>The version of <see cref="State"/> as last read or written (the ETag); 0 while nothing was ever stored.</summary>
    long Version { get; }

    Task WriteAsync(IReadOnlyCollection<ISideRow> sideRows);

    Task WriteAsync() => WriteAsync([]);
}
