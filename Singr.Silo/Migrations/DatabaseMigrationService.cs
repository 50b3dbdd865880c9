using Microsoft.Extensions.Hosting;

namespace Singr.Silo.Migrations;

/// <summary>Applies the embedded migrations during start-up, before the silo starts taking calls.</summary>
internal sealed class DatabaseMigrationService(MigrationRunner runner, MigrationStatus status) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await runner.ApplyAsync(EmbeddedMigrations.Load(), cancellationToken);
        status.MarkComplete();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
