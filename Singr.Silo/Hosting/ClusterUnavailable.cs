using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using Singr.Silo.Storage;

namespace Singr.Silo.Hosting;

/// <summary>Failures that mean "the cluster could not take this call now; nothing was committed, try again shortly".</summary>
public static class ClusterUnavailable
{
    public static bool Is(Exception? exception) => exception is
        SiloUnavailableException
        or TimeoutException
        or OrleansMessageRejectionException
        or GatewayTooBusyException
        or ConnectionFailedException
        or InconsistentStateException
        or SiloFencedException
        or ClientNotAvailableException;
}
