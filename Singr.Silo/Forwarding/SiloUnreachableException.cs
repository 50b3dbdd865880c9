using Singr.Silo.Cluster;

namespace Singr.Silo.Forwarding;

/// <summary>The target silo could not take the call (no connection, or it is leaving): the call was not run there.</summary>
internal sealed class SiloUnreachableException(SiloEndpoint silo, string reason, Exception? innerException = null)
    : Exception($"Silo {silo.SiloId} at {silo.Address} did not take the call: {reason}", innerException)
{
    public SiloEndpoint Silo { get; } = silo;
}
