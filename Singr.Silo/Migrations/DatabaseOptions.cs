namespace Singr.Silo.Migrations;

/// <summary>Bound from the <c>Singr:Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Singr:Database";

    /// <summary>
    /// Apply pending migrations at start-up (the default, and what <c>make run</c> does). In Kubernetes the migration
    /// Job applies them and the Deployments set this to false: they then wait, not ready, until the schema is current.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;
}
