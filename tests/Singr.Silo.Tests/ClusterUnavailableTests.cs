using System.Net.Sockets;
using Npgsql;
using Singr.Silo.Hosting;

namespace Singr.Silo.Tests;

/// <summary>Which failures the front end answers 503 with Retry-After (nothing committed, try again) instead of 500.</summary>
public sealed class ClusterUnavailableTests
{
    [Fact]
    public void A_database_that_cannot_be_reached_or_that_aborted_a_transaction_for_a_passing_reason_means_try_again()
    {
        Assert.True(ClusterUnavailable.Is(new NpgsqlException("Failed to connect to 127.0.0.1:54329", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(ClusterUnavailable.Is(new PostgresException("could not serialize access", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure)));
        Assert.True(ClusterUnavailable.Is(new PostgresException("terminating connection", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown)));
    }

    [Fact]
    public void A_statement_the_database_refuses_for_good_is_not_a_reason_to_try_again()
    {
        Assert.False(ClusterUnavailable.Is(new PostgresException("invalid byte sequence", "ERROR", "ERROR", PostgresErrorCodes.CharacterNotInRepertoire)));
        Assert.False(ClusterUnavailable.Is(new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
        Assert.False(ClusterUnavailable.Is(new InvalidOperationException("a bug")));
    }
}
