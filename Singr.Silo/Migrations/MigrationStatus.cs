namespace Singr.Silo.Migrations;

/// <summary>Whether this process has brought the database schema up to date; read by the readiness probe.</summary>
public sealed class MigrationStatus
{
    private volatile bool _isComplete;

    public bool IsComplete => _isComplete;

    internal void MarkComplete() => _isComplete = true;
}
