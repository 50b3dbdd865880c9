using Npgsql;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using Singr.Silo.Storage;

namespace Singr.Silo.Hosting;

/// <summary>
/// Failures that mean "the cluster could not take this call now, try again shortly": a silo gone or busy, a lost
/// state race, a fenced silo, and a database that could not be reached or aborted the transaction for a reason that
/// passes (PostgreSQL's own judgement, <see cref="NpgsqlException.IsTransient"/>). A call cut off mid-commit may have
/// committed; the writes a client retries (song requests, credits) are idempotent by their id, so trying again is safe.
/// </summary>
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
        or ClientNotAvailableException
        or NpgsqlException { IsTransient: true };
}
