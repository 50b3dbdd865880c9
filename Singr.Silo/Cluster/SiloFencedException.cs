namespace Singr.Silo.Cluster;

/// <summary>
/// This silo was declared dead by the cluster: it may no longer register grains or commit state. The call is refused
/// here and retried on a live silo; the silo stops hosting.
/// </summary>
internal sealed class SiloFencedException(Guid siloId)
    : Exception($"Silo {siloId} was declared dead by the cluster and may not write any more.");
