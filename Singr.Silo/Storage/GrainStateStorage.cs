using Npgsql;
using Singr.Silo.Cluster;
using Singr.Silo.Grains;

namespace Singr.Silo.Storage;

/// <summary>
/// Grain state rows guarded by a version. The first write inserts (the primary key on the grain identity refuses a
/// second first write); every later write is an UPDATE that names the version it read. Zero rows means another
/// activation wrote first, and nothing of this write is committed. Every write also requires this silo to be live in
/// the membership table (locking its row FOR KEY SHARE), so a silo declared dead cannot commit.
/// </summary>
internal sealed class GrainStateStorage(NpgsqlDataSource dataSource, SiloIdentity silo)
{
    private const string ReadSql =
        "SELECT state::text, version FROM grain_state WHERE grain_type = $1 AND grain_key = $2";

    private const string SiloIsLive =
        "EXISTS (SELECT 1 FROM silo_membership WHERE silo_id = $4 AND status IN ('active', 'shutting_down') FOR KEY SHARE)";

    private const string InsertSql =
        "INSERT INTO grain_state (grain_type, grain_key, state, version) SELECT $1, $2, $3, 1 WHERE " + SiloIsLive +
        " ON CONFLICT DO NOTHING";

    private const string UpdateSql =
        "UPDATE grain_state SET state = $3, version = version + 1, updated_at = now() " +
        "WHERE grain_type = $1 AND grain_key = $2 AND version = $5 AND " + SiloIsLive;

    public async Task<StoredGrainState?> ReadAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ReadSql);
        command.Parameters.AddPositional(grainId.Type, grainId.Key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredGrainState(reader.GetString(0), reader.GetInt64(1));
    }

    /// <returns>The new version.</returns>
    public async Task<long> WriteAsync(
        GrainId grainId,
        string json,
        long expectedVersion,
        Func<GrainTransaction, Task>? alsoWrite,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var newVersion = expectedVersion + 1;
        if (alsoWrite is null)
        {
            await WriteStateRowAsync(connection, transaction: null, grainId, json, expectedVersion, cancellationToken);
            return newVersion;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var grainTransaction = new GrainTransaction(connection, transaction, newVersion);
        await alsoWrite(grainTransaction);
        var stateRow = new NpgsqlBatchCommand(expectedVersion == 0 ? InsertSql : UpdateSql);
        stateRow.Parameters.AddPositional(StateRowParameters(grainId, json, expectedVersion));
        if (await grainTransaction.ExecuteWithAsync(stateRow, cancellationToken) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw await WriteRefusalAsync(connection, grainId, expectedVersion, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return newVersion;
    }

    private async Task WriteStateRowAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        GrainId grainId,
        string json,
        long expectedVersion,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(expectedVersion == 0 ? InsertSql : UpdateSql, connection, transaction);
        command.Parameters.AddPositional(StateRowParameters(grainId, json, expectedVersion));
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw await WriteRefusalAsync(connection, grainId, expectedVersion, cancellationToken);
        }
    }

    private object?[] StateRowParameters(GrainId grainId, string json, long expectedVersion) =>
        expectedVersion == 0
            ? [grainId.Type, grainId.Key, GrainTransaction.Jsonb(json), silo.SiloId]
            : [grainId.Type, grainId.Key, GrainTransaction.Jsonb(json), silo.SiloId, expectedVersion];

    /// <summary>Why a state row was not written: another activation wrote first, or this silo may not write any more.</summary>
    private async Task<Exception> WriteRefusalAsync(NpgsqlConnection connection, GrainId grainId, long expectedVersion, CancellationToken cancellationToken)
    {
        var status = await SiloStatusCheck.ReadAsync(connection, null, silo, cancellationToken);
        return status is "active" or "shutting_down"
            ? new InconsistentStateException(grainId, expectedVersion)
            : SiloStatusCheck.RefusalFor(status, silo);
    }
}
