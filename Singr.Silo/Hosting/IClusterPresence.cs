namespace Singr.Silo.Hosting;

/// <summary>Whether this process can take grain calls now: its own silo is active, or, for a front end, its client is connected.</summary>
public interface IClusterPresence
{
    bool IsActive { get; }

    /// <summary>What the readiness probe reports, e.g. <c>Active</c>, <c>Joining</c>, <c>ShuttingDown</c>.</summary>
    string Status { get; }
}
