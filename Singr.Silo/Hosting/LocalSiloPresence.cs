using Orleans.Runtime;

namespace Singr.Silo.Hosting;

/// <summary>A silo is present while the cluster membership lists it as active (not joining, draining or dead).</summary>
internal sealed class LocalSiloPresence(IClusterMembershipService membership, ILocalSiloDetails silo) : IClusterPresence
{
    private SiloStatus Current => membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);

    public bool IsActive => Current == SiloStatus.Active;

    public string Status => Current == SiloStatus.None ? "Joining" : Current.ToString();
}
