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
