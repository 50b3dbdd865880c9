using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Singr.Silo.Migrations;

/// <summary>
/// Brings the schema up to date during start-up, before the silo takes calls; or, when migrating is left to a
/// migration job, waits until the job has applied every migration this build knows.
/// </summary>
internal sealed class DatabaseMigrationService(
    MigrationRunner runner,
    MigrationStatus status,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseMigrationService> logger) : IHostedService
{
    private static readonly TimeSpan WaitStep = TimeSpan.FromSeconds(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var migrations = EmbeddedMigrations.Load();
        if (options.Value.MigrateOnStart)
        {
            await runner.ApplyAsync(migrations, cancellationToken);
        }
        else
        {
            IReadOnlyList<int> pending;
            while ((pending = await runner.PendingAsync(migrations, cancellationToken)).Count > 0)
            {
                logger.LogWarning("Waiting for the migration job: migrations {Pending} are not applied yet", string.Join(", ", pending));
                await Task.Delay(WaitStep, cancellationToken);
            }
        }

        status.MarkComplete();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
