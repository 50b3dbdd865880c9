namespace Singr.Silo.Runtime;

internal enum ActivationStatus
{
    Activating,
    Active,
    /// <summary>The in-memory state is not trusted any more: queued calls go to a fresh activation.</summary>
    Invalid,
    Deactivating,
    Deactivated,
    Failed,
}
