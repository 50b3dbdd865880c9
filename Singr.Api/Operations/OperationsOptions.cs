namespace Singr.Api.Operations;

/// <summary>Bound from <c>Singr:Operations</c>: who may read <c>/metrics</c>, how long a dashboard session lasts.</summary>
public sealed class OperationsOptions
{
    public const string SectionName = "Singr:Operations";

    /// <summary>
    /// CIDR ranges (e.g. <c>10.0.0.0/8</c>, the pod network) whose direct connections may scrape <c>/metrics</c> without a
    /// token: Prometheus inside the cluster. Loopback always may. A request that reached the pod through a trusted proxy
    /// (the ingress) never gets in by its address, only with a platform-staff token.
    /// </summary>
    public IList<string> MetricsNetworks { get; set; } = [];

    /// <summary>
    /// How long the Orleans Dashboard cookie set by <c>POST /v1/admin/ops/session</c> is good for; then the admin opens
    /// <c>/ops/</c> again.
    /// </summary>
    public TimeSpan DashboardSessionLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
