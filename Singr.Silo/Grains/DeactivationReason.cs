namespace Singr.Silo.Grains;

public enum DeactivationReason
{
    IdleTimeout,
    ApplicationRequested,
    SiloShuttingDown,
    /// <summary>A state write failed or found a newer version: the in-memory state can no longer be trusted.</summary>
    StateUnreliable,
    /// <summary>The cluster declared this silo dead: it may not write, so the grain is dropped without OnDeactivateAsync.</summary>
    SiloFenced,
}
