namespace Singr.Grains.Interfaces.Quotas;

/// <summary>A patron's allowance at a venue now (book requests' quota). Null allowance, remaining and period: unlimited.</summary>
/// <param name="CurrentPeriod">The night (<c>2026-11-21</c>) or month (<c>2026-11</c>) being counted.</param>
public sealed record RequestQuota(int? RequestsAllowed, int RequestsUsed, int? RequestsRemaining, string? CurrentPeriod, string? Tier)
{
    public static RequestQuota Unlimited { get; } = new(null, 0, null, null, null);
}
