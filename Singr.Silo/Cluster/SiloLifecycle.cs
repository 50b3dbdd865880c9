namespace Singr.Silo.Cluster;

/// <summary>What this process's silo is doing now; read by the readiness probe.</summary>
public sealed class SiloLifecycle
{
    private volatile SiloStatus _status = SiloStatus.Joining;

    public SiloStatus Status => _status;

    public bool IsActive => _status == SiloStatus.Active;

    internal void MoveTo(SiloStatus status) => _status = status;
}
