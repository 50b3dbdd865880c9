using Microsoft.Extensions.Diagnostics.HealthChecks;
using Singr.Silo.Migrations;

namespace Singr.Silo.Hosting;

/// <summary>Ready when the schema is migrated and this process is in the cluster (its silo active, or its client connected).</summary>
public sealed class ReadinessHealthCheck(MigrationStatus migrations, IClusterPresence presence) : IHealthCheck
{
    public const string Tag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["migrations"] = migrations.IsComplete ? "applied" : "pending",
            ["silo"] = presence.Status,
        };
        var result = migrations.IsComplete && presence.IsActive
            ? HealthCheckResult.Healthy("Migrations applied and in the cluster.", data)
            : HealthCheckResult.Unhealthy("Not ready to take traffic.", data: data);
        return Task.FromResult(result);
    }
}
