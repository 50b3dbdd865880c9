namespace Singr.Silo.Grains;

public enum DeactivationReason
{
    IdleTimeout,
    ApplicationRequested,
    SiloShuttingDown,
    /// <summary>A state write failed or found a newer version: the in-memory state can no longer be trusted.</summary>
    StateUnreliable,
}
