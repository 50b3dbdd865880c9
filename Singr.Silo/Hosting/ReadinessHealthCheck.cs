using Microsoft.Extensions.Diagnostics.HealthChecks;
using Singr.Silo.Cluster;
using Singr.Silo.Migrations;

namespace Singr.Api.Health;

/// <summary>Ready when the schema is migrated and the silo in this process is active (not joining, draining or fenced).</summary>
public sealed class ReadinessHealthCheck(MigrationStatus migrations, SiloLifecycle silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["migrations"] = migrations.IsComplete ? "applied" : "pending",
            ["silo"] = silo.Status.ToString(),
        };
        var result = migrations.IsComplete && silo.IsActive
            ? HealthCheckResult.Healthy("Migrations applied and silo active.", data)
            : HealthCheckResult.Unhealthy("Not ready to take traffic.", data: data);
        return Task.FromResult(result);
    }
}
