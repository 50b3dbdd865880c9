using Singr.Testing;

namespace Singr.RequestBenchmark;

/// <summary>
/// What the database holds after the load against what the clients counted: each 201 must be one SPENT ledger row (one
/// credit each) and one song_requests row, or the figure counted something that is not durable.
/// </summary>
internal static class DurabilityCheck
{
    /// <returns>True when both counts equal the 201s.</returns>
    public static async Task<bool> RunAsync(TestDatabase database, int acknowledged, int exceptions)
    {
        ArgumentNullException.ThrowIfNull(database);
        var spent = await database.ScalarAsync<long>("SELECT count(*) FROM credit_transactions WHERE transaction_type = 'SPENT'");
        var requests = await database.ScalarAsync<long>("SELECT count(*) FROM song_requests");
        Console.WriteLine($"durability: 201s acknowledged (warm-up included) {acknowledged}");
        Console.WriteLine($"durability: SPENT ledger rows {spent}");
        Console.WriteLine($"durability: song_requests rows {requests}");
        await using (var sizes = database.DataSource.CreateCommand(
            """
            SELECT grain_type, count(*), avg(octet_length(state::text))::bigint, max(octet_length(state::text)), sum(version)::bigint
            FROM grain_state WHERE grain_type IN ('venue', 'credit-wallet') GROUP BY grain_type ORDER BY grain_type
            """))
        await using (var reader = await sizes.ExecuteReaderAsync())
        {
            // Every write sends the whole state as jsonb: what each write of a venue or a wallet carries by the end.
            while (await reader.ReadAsync())
            {
                Console.WriteLine(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"state: {reader.GetInt64(1)} {reader.GetString(0)} rows, JSON {reader.GetInt64(2)} bytes on average and {reader.GetInt32(3)} at most by the end; {reader.GetInt64(4)} state writes in all"));
            }
        }

        if (spent == acknowledged && requests == acknowledged)
        {
            Console.WriteLine("durability: OK, every acknowledged request is paid and queued in the database");
            return true;
        }

        Console.WriteLine($"MISMATCH: {acknowledged} requests acknowledged, but {spent} SPENT ledger rows and {requests} song_requests rows");
        if (exceptions > 0)
        {
            Console.WriteLine($"MISMATCH: {exceptions} calls threw (time-out or lost connection); the server may have committed some of them");
        }

        return false;
    }
}
