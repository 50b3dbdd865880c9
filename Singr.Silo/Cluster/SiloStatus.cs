namespace Singr.Silo.Cluster;

/// <summary>A silo's status as stored in the membership table (lower-case names in the database).</summary>
public enum SiloStatus
{
    Joining,
    Active,
    ShuttingDown,
    Stopped,
    Dead,
}
