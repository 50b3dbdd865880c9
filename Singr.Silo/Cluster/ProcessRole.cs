namespace Singr.Silo.Cluster;

/// <summary>What a Singr process does: host grains, serve the public API, or both (the default).</summary>
public enum ProcessRole
{
    /// <summary><c>silo+api</c>: hosts grains and serves HTTP and SignalR.</summary>
    SiloAndApi,

    /// <summary><c>silo</c>: hosts grains; serves only health and the cluster's internal endpoint.</summary>
    Silo,

    /// <summary><c>api</c>: a thin front end that hosts no grains and forwards every grain call into the cluster.</summary>
    Api,
}
