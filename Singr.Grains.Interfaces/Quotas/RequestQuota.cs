namespace Singr.Grains.Interfaces.Quotas;

/// <summary>A patron's allowance at a venue now (book requests' quota). Null allowance, remaining and period: unlimited.</summary>
/// <param name="CurrentPeriod">The night (<c>2026-11-21</c>) or month (<c>2026-11</c>) being counted.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.quotas.RequestQuota")]
public sealed record RequestQuota(
    [property: Id(0)] int? RequestsAllowed,
    [property: Id(1)] int RequestsUsed,
    [property: Id(2)] int? RequestsRemaining,
    [property: Id(3)] string? CurrentPeriod,
    [property: Id(4)] string? Tier)
{
    public static RequestQuota Unlimited { get; } = new(null, 0, null, null, null);
}
