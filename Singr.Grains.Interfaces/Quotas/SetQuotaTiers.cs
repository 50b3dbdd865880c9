using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Quotas;

/// <summary>Replaces the venue's tiers and default tier. Patrons assigned a tier that is gone fall back to the default.</summary>
public sealed record SetQuotaTiers(IReadOnlyList<QuotaTier> Tiers, string? DefaultTier, AuditStamp Stamp)
{
    public const int MaxTiers = 20;
    public const int MaxNameLength = 40;
    public const int MaxRequestsAllowed = 1000;
}
