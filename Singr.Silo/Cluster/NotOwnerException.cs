using Singr.Silo.Grains;

namespace Singr.Silo.Cluster;

/// <summary>The directory says another live silo already hosts the grain: the call goes there instead.</summary>
internal sealed class NotOwnerException(GrainId grainId, Guid ownerSiloId)
    : Exception($"{grainId} is active on silo {ownerSiloId}.")
{
    public Guid OwnerSiloId { get; } = ownerSiloId;
}
