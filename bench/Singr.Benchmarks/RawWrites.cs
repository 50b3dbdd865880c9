using Npgsql;
using NpgsqlTypes;
using Orleans.Runtime;

namespace Singr.Benchmarks;

/// <summary>
/// The state write without Orleans: the SQL of Singr.Silo/Storage/GrainStateStore.cs (copied here, since it is
/// internal) sent straight through Npgsql, with the same pool size, callers and grains, one writer per key at a time
/// as an activation would be. It says how much of a grain write is PostgreSQL, and what the fence and the explicit
/// transaction cost.
/// </summary>
internal static class RawWrites
{
    private const string GrainType = "bench-raw";

    private const string Fence =
        """
        EXISTS (SELECT 1 FROM orleans_membership
                WHERE deployment_id = $5 AND address = $6 AND port = $7
                  AND generation = $8 AND status = ANY($9) FOR KEY SHARE)
        """;

    private const string FencedUpdate =
        "UPDATE grain_state SET state = $3, version = version + 1, updated_at = now() " +
        "WHERE grain_type = $1 AND grain_key = $2 AND version = $4 AND " + Fence;

    private const string PlainUpdate =
        "UPDATE grain_state SET state = $3, version = version + 1, updated_at = now() " +
        "WHERE grain_type = $1 AND grain_key = $2 AND version = $4";

    public enum Shape
    {
        /// <summary>As GrainStateStore writes: BEGIN, a batch holding the fenced UPDATE, COMMIT (two round trips).</summary>
        FencedTransaction,

        /// <summary>The same transaction without the membership check.</summary>
        UnfencedTransaction,

        /// <summary>The fenced UPDATE alone, committed by itself (one round trip).</summary>
        FencedAutocommit,
    }

    public static async Task<Measurement> RunAsync(
        string name, Shape shape, string connectionString, string clusterId, SiloAddress silo, int calls, int concurrency, int grains)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var keys = Enumerable.Range(0, grains).Select(i => $"{shape}-{i}").ToArray();
        var versions = new long[grains];
        var locks = keys.Select(_ => new SemaphoreSlim(1, 1)).ToArray();
        foreach (var key in keys)
        {
            await using var insert = dataSource.CreateCommand(
                "INSERT INTO grain_state (grain_type, grain_key, state, version) VALUES ($1, $2, '{\"count\":0}', 1)");
            insert.Parameters.Add(new NpgsqlParameter { Value = GrainType });
            insert.Parameters.Add(new NpgsqlParameter { Value = key });
            await insert.ExecuteNonQueryAsync();
        }

        Array.Fill(versions, 1);
        object[] fence = [clusterId, silo.Endpoint.Address.ToString(), silo.Endpoint.Port, silo.Generation, new[] { 3, 4, 5 }];
        return await Scenario.RunAsync(name, calls, concurrency, async i =>
        {
            var g = i % grains;
            await locks[g].WaitAsync();
            try
            {
                object[] state = [GrainType, keys[g], new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = $"{{\"count\":{versions[g]}}}" }, versions[g]];
                var affected = shape switch
                {
                    Shape.FencedAutocommit => await AutocommitAsync(dataSource, FencedUpdate, [.. state, .. fence]),
                    Shape.FencedTransaction => await TransactionAsync(dataSource, FencedUpdate, [.. state, .. fence]),
                    _ => await TransactionAsync(dataSource, PlainUpdate, state),
                };
                if (affected != 1)
                {
                    throw new InvalidOperationException($"The raw write of {keys[g]} at version {versions[g]} changed {affected} rows.");
                }

                versions[g]++;
            }
            finally
            {
                locks[g].Release();
            }
        });
    }

    private static async Task<int> TransactionAsync(NpgsqlDataSource dataSource, string sql, object[] parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        var command = new NpgsqlBatchCommand(sql);
        Add(command.Parameters, parameters);
        batch.BatchCommands.Add(command);
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return command.RecordsAffected;
    }

    private static async Task<int> AutocommitAsync(NpgsqlDataSource dataSource, string sql, object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        Add(command.Parameters, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private static void Add(NpgsqlParameterCollection collection, object[] parameters)
    {
        foreach (var parameter in parameters)
        {
            collection.Add(parameter as NpgsqlParameter ?? new NpgsqlParameter { Value = parameter });
        }
    }
}
