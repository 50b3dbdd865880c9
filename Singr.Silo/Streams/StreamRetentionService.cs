using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Singr.Silo.Storage;

namespace Singr.Silo.Streams;

/// <summary>
/// Prunes stream events beyond the retention window or count. Deleting is idempotent, so every process may run it;
/// a subscriber resuming from a pruned sequence is given a fresh state by its hub.
/// </summary>
internal sealed class StreamRetentionService(
    NpgsqlDataSource dataSource,
    IOptions<StreamOptions> options,
    ILogger<StreamRetentionService> logger) : BackgroundService
{
    private const string PruneOldSql = "DELETE FROM stream_events WHERE created_at < now() - $1";

    private const string PruneCrowdedSql =
        """
        DELETE FROM stream_events e
        USING (SELECT stream_id, max(seq) AS last FROM stream_events GROUP BY stream_id HAVING count(*) > $1) crowded
        WHERE e.stream_id = crowded.stream_id AND e.seq <= crowded.last - $1
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PruneInterval);
        do
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(ex, "Pruning old stream events failed; the next round retries");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var old = new NpgsqlBatchCommand(PruneOldSql);
        old.Parameters.AddPositional(options.Value.RetentionWindow);
        var crowded = new NpgsqlBatchCommand(PruneCrowdedSql);
        crowded.Parameters.AddPositional(options.Value.RetentionMaxEvents);
        batch.BatchCommands.Add(old);
        batch.BatchCommands.Add(crowded);
        return await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
