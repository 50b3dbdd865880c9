namespace Singr.Grains.Persistence;

/// <summary>
/// A row a grain writes beside its state, in the state's transaction: a typed value the storage layer knows how to
/// write (grains hold no SQL).
/// </summary>
#pragma warning disable CA1040 // The marker is the point: it names which values a state write takes.
public interface ISideRow;
#pragma warning restore CA1040
