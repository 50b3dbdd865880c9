using Singr.Api.Queue;
using Singr.Grains.Interfaces.Queue;
using Singr.Testing;

namespace Singr.Cluster.Tests;

/// <summary>What the database must hold after a paid load, whatever happened to the silos (DESIGN.md guarantees 2 and 5).</summary>
internal static class PaidRequestLedger
{
    /// <summary>
    /// Each acknowledged request (by its queue item id) with what is wrong with it: no <c>song_requests</c> row, a row
    /// not queued, or not exactly one SPENT row for its request id. Empty when every 201 is queued and paid once.
    /// </summary>
    public static Task<List<string>> AcknowledgedButNotQueuedAndPaidOnceAsync(TestDatabase database, IEnumerable<PaidRequestLoad.Acknowledged> acknowledged)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.ColumnAsync<string>(
            """
            SELECT a.id::text || ': ' || CASE
                     WHEN r.id IS NULL THEN 'no song_requests row'
                     WHEN r.status <> 'queued' THEN 'status ' || r.status
                     ELSE spent.n || ' SPENT rows' END
            FROM unnest($1::uuid[]) AS a(id)
            LEFT JOIN song_requests r ON r.id = a.id
            LEFT JOIN LATERAL (SELECT count(*) AS n FROM credit_transactions t
                               WHERE t.operation_id = r.request_id AND t.transaction_type = 'SPENT') spent ON true
            WHERE r.id IS NULL OR r.status <> 'queued' OR spent.n <> 1
            """,
            acknowledged.Select(a => a.ItemId).ToArray());
    }

    /// <summary>Request ids with more than one SPENT row: charged twice.</summary>
    public static Task<List<Guid>> ChargedTwiceAsync(TestDatabase database) =>
        database.ColumnAsync<Guid>(
            "SELECT operation_id FROM credit_transactions WHERE transaction_type = 'SPENT' GROUP BY user_id, operation_id HAVING count(*) > 1");

    /// <summary>Request ids charged (SPENT) with no queued request, and queued paid requests with no charge.</summary>
    public static Task<List<string>> ChargedWithoutQueuedOrQueuedUnpaidAsync(TestDatabase database) =>
        database.ColumnAsync<string>(
            """
            SELECT 'charged, not queued: ' || t.operation_id FROM credit_transactions t
            WHERE t.transaction_type = 'SPENT'
              AND NOT EXISTS (SELECT 1 FROM song_requests r WHERE r.request_id = t.operation_id AND r.status = 'queued')
            UNION ALL
            SELECT 'queued, not charged: ' || r.request_id FROM song_requests r
            WHERE r.credits_cost > 0
              AND NOT EXISTS (SELECT 1 FROM credit_transactions t WHERE t.operation_id = r.request_id AND t.transaction_type = 'SPENT')
            """);

    /// <summary>The lowest balance any ledger row left a patron with (0 when there are no rows).</summary>
    public static Task<int> LowestBalanceAfterAsync(TestDatabase database) =>
        database.ScalarAsync<int>("SELECT coalesce(min(balance_after), 0) FROM credit_transactions");

    public static Task<long> CountAsync(TestDatabase database, string table, string? where = null) =>
        database.ScalarAsync<long>($"SELECT count(*) FROM {table}{(where is null ? string.Empty : " WHERE " + where)}");

    /// <summary>
    /// Refused requests that were charged or queued all the same (by the request id the front end derives from the
    /// Idempotency-Key): a refusal must leave nothing behind.
    /// </summary>
    public static async Task<List<string>> RefusedButChargedOrQueuedAsync(
        TestDatabase database, PaidVenues venues, IEnumerable<PaidRequestLoad.Refused> refused)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(venues);
        var venueIds = new Dictionary<int, Guid>();
        var requestIds = new List<Guid>();
        foreach (var request in refused)
        {
            if (!venueIds.TryGetValue(request.Venue, out var venueId))
            {
                venueId = await database.ScalarAsync<Guid>("SELECT id FROM venues WHERE slug = $1", venues.Slugs[request.Venue]);
                venueIds[request.Venue] = venueId;
            }

            requestIds.Add(RequestIds.For(venueId, Patron.KeyOfAccount(venues.Patrons[request.Client].UserId), request.IdempotencyKey));
        }

        return await database.ColumnAsync<string>(
            """
            SELECT 'charged: ' || operation_id FROM credit_transactions WHERE transaction_type = 'SPENT' AND operation_id = ANY($1)
            UNION ALL
            SELECT 'queued: ' || request_id FROM song_requests WHERE request_id = ANY($1)
            """,
            requestIds.ToArray());
    }
}
