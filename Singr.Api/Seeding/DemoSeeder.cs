using Npgsql;

namespace Singr.Api.Seeding;

/// <summary>
/// Seeds the demo customer and its venue <c>demo-venue</c> so a fresh <c>make run</c> has something to show.
/// Idempotent: fixed ids and ON CONFLICT, so every start may run it.
/// </summary>
public sealed class DemoSeeder(NpgsqlDataSource dataSource, ILogger<DemoSeeder> logger) : IHostedService
{
    public static readonly Guid DemoCustomerId = Guid.Parse("5a1e0000-0000-4000-8000-000000000001");
    public static readonly Guid DemoVenueId = Guid.Parse("5a1e0000-0000-4000-8000-000000000002");
    public const string DemoVenueSlug = "demo-venue";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "INSERT INTO customers (id, name) VALUES ($1, 'Demo Bar Group') ON CONFLICT (id) DO NOTHING")
        {
            Parameters = { new NpgsqlParameter { Value = DemoCustomerId } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "INSERT INTO venues (id, customer_id, slug, name, timezone, address) " +
            "VALUES ($1, $2, $3, 'Demo Venue', 'America/New_York', '1 Demo Street') ON CONFLICT (slug) DO NOTHING")
        {
            Parameters =
            {
                new NpgsqlParameter { Value = DemoVenueId },
                new NpgsqlParameter { Value = DemoCustomerId },
                new NpgsqlParameter { Value = DemoVenueSlug },
            },
        });
        await batch.ExecuteNonQueryAsync(cancellationToken);
        logger.LogInformation("Demo venue '{Slug}' is seeded", DemoVenueSlug);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
