using Npgsql;
using Orleans.Storage;
using Singr.Grains.Persistence;

namespace Singr.Silo.Storage;

/// <summary>
/// Grain state rows guarded by a version. The first write inserts (the primary key on the grain identity refuses a
/// second first write); every later write is an UPDATE that names the version it read. Zero rows means another
/// activation wrote first, or this silo may no longer write (<see cref="SiloWriteFence"/>), and nothing of the write
/// commits. The state row and its side rows go in one batch: one round trip, one transaction.
/// </summary>
internal sealed class GrainStateStore(NpgsqlDataSource dataSource, SiloWriteFence fence)
{
    private const string ReadSql =
        "SELECT state::text, version FROM grain_state WHERE grain_type = $1 AND grain_key = $2";

    private static readonly string InsertSql =
        "INSERT INTO grain_state (grain_type, grain_key, state, version) SELECT $1, $2, $3, 1 WHERE " + SiloWriteFence.Condition(4) +
        " ON CONFLICT DO NOTHING";

    private static readonly string UpdateSql =
        "UPDATE grain_state SET state = $3, version = version + 1, updated_at = now() " +
        "WHERE grain_type = $1 AND grain_key = $2 AND version = $4 AND " + SiloWriteFence.Condition(5);

    public async Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ReadSql);
        command.Parameters.AddPositional(key.Type, key.Key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredGrainState(reader.GetString(0), reader.GetInt64(1));
    }

    /// <returns>The new version.</returns>
    /// <exception cref="InconsistentStateException">Another activation wrote first.</exception>
    /// <exception cref="SiloFencedException">This silo is no longer active in the cluster.</exception>
    /// <exception cref="UniqueRowConflictException">A side row broke a unique index.</exception>
    public async Task<long> WriteAsync(
        GrainStateKey key,
        string json,
        long expectedVersion,
        IReadOnlyCollection<ISideRow> sideRows,
        CancellationToken cancellationToken)
    {
        var newVersion = expectedVersion + 1;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var stateRow = new NpgsqlBatchCommand(expectedVersion == 0 ? InsertSql : UpdateSql);
        stateRow.Parameters.AddPositional(key.Type, key.Key, SideRowCommands.Jsonb(json));
        if (expectedVersion != 0)
        {
            stateRow.Parameters.AddPositional(expectedVersion);
        }

        fence.AddParameters(stateRow.Parameters);
        batch.BatchCommands.Add(stateRow);
        foreach (var command in SideRowCommands.For(sideRows, newVersion))
        {
            batch.BatchCommands.Add(command);
        }

        try
        {
            // The state row goes first; when its check fails, nothing after it may commit, so the whole batch is rolled back.
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // A stale activation's side rows collide with the newer ones (its events reuse their sequence numbers):
            // that is a lost version race, not a conflict of the rows themselves.
            await transaction.RollbackAsync(cancellationToken);
            if (await StoredVersionAsync(connection, key, cancellationToken) != expectedVersion || !await MayWriteAsync(connection, cancellationToken))
            {
                throw await RefusalAsync(connection, key, expectedVersion, cancellationToken);
            }

            // The PostgreSQL error stays here (logged by the caller's activation); Npgsql's exception does not cross grain calls.
            throw UniqueRowConflictException.For(ex.ConstraintName ?? string.Empty, $"A side row of {key} broke unique index {ex.ConstraintName}: {ex.MessageText}");
        }

        if (stateRow.RecordsAffected != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw await RefusalAsync(connection, key, expectedVersion, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return newVersion;
    }

    private static async Task<long> StoredVersionAsync(NpgsqlConnection connection, GrainStateKey key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM grain_state WHERE grain_type = $1 AND grain_key = $2", connection);
        command.Parameters.AddPositional(key.Type, key.Key);
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : 0;
    }

    private async Task<bool> MayWriteAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await fence.ReadStatusAsync(connection, cancellationToken) is { } status && SiloWriteFence.MayWrite(status);

    /// <summary>Why a state row was not written: another activation wrote first, or this silo may not write any more.</summary>
    private async Task<Exception> RefusalAsync(NpgsqlConnection connection, GrainStateKey key, long expectedVersion, CancellationToken cancellationToken)
    {
        var status = await fence.ReadStatusAsync(connection, cancellationToken);
        return status is { } live && SiloWriteFence.MayWrite(live)
            ? new InconsistentStateException(
                $"The stored state of {key} is no longer at version {expectedVersion}: another activation wrote first.",
                storedEtag: "newer",
                currentEtag: expectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : new SiloFencedException($"Silo {fence} is {status?.ToString() ?? "not listed"} in the cluster membership: it may not commit grain state.");
    }
}
