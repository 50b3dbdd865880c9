using Npgsql;
using Singr.Silo.Storage;

namespace Singr.Silo.Cluster;

/// <summary>
/// The silo_membership table: who is in the cluster, and who has stopped answering. Declaring a silo dead locks its row
/// FOR UPDATE, which waits for that silo's state writes in flight (they hold it FOR KEY SHARE) and makes every later
/// write of that silo see it dead: the fence that keeps a replaced silo from committing anything.
/// </summary>
internal sealed class MembershipTable(MembershipDataSource membershipDataSource)
{
    private readonly NpgsqlDataSource _dataSource = membershipDataSource.DataSource;

    /// <summary>
    /// Registers this silo as active. An older generation at the same address is a previous run of this silo that did not
    /// stop cleanly: it is declared dead now rather than after its missed heartbeats.
    /// </summary>
    public async Task JoinAsync(SiloIdentity silo, CancellationToken cancellationToken)
    {
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(
            "UPDATE silo_membership SET status = 'dead', declared_dead_at = now(), declared_dead_by = $1 " +
            "WHERE silo_id IN (SELECT silo_id FROM silo_membership " +
            "  WHERE address = $2 AND generation < $3 AND status IN ('joining', 'active', 'shutting_down') FOR UPDATE)",
            silo.SiloId, silo.Address, silo.Generation));
        batch.BatchCommands.Add(Command(
            "INSERT INTO silo_membership (silo_id, address, generation, status, started_at, heartbeat_at) " +
            "VALUES ($1, $2, $3, 'active', now(), now())",
            silo.SiloId, silo.Address, silo.Generation));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <returns>False when this silo is no longer active in the table: another silo declared it dead.</returns>
    public async Task<bool> HeartbeatAsync(SiloIdentity silo, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "UPDATE silo_membership SET heartbeat_at = now() WHERE silo_id = $1 AND status IN ('active', 'shutting_down')");
        command.Parameters.AddPositional(silo.SiloId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Declares dead every active silo whose last heartbeat is older than <paramref name="silence"/>, and frees its grains.</summary>
    public async Task<IReadOnlyList<Guid>> DeclareSilentSilosDeadAsync(SiloIdentity declaredBy, TimeSpan silence, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var dead = new List<Guid>();
        await using (var command = new NpgsqlCommand(
            "UPDATE silo_membership SET status = 'dead', declared_dead_at = now(), declared_dead_by = $1 " +
            "WHERE silo_id IN (SELECT silo_id FROM silo_membership " +
            "  WHERE status IN ('joining', 'active', 'shutting_down') AND silo_id <> $1 AND heartbeat_at < now() - $2 FOR UPDATE) " +
            "AND EXISTS (SELECT 1 FROM silo_membership WHERE silo_id = $1 AND status = 'active') " +
            "RETURNING silo_id",
            connection,
            transaction))
        {
            command.Parameters.AddPositional(declaredBy.SiloId, silence);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                dead.Add(reader.GetGuid(0));
            }
        }

        if (dead.Count > 0)
        {
            await using var release = new NpgsqlCommand("DELETE FROM grain_directory WHERE silo_id = ANY($1)", connection, transaction);
            release.Parameters.AddPositional([dead.ToArray()]);
            await release.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return dead;
    }

    public async Task SetStatusAsync(SiloIdentity silo, SiloStatus status, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "UPDATE silo_membership SET status = $2, heartbeat_at = now() WHERE silo_id = $1 AND status <> 'dead'");
        command.Parameters.AddPositional(silo.SiloId, ToDatabase(status));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ToDatabase(SiloStatus status) => status switch
    {
        SiloStatus.Joining => "joining",
        SiloStatus.Active => "active",
        SiloStatus.ShuttingDown => "shutting_down",
        SiloStatus.Stopped => "stopped",
        SiloStatus.Dead => "dead",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static NpgsqlBatchCommand Command(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddPositional(parameters);
        return command;
    }
}
