using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Quotas;

/// <summary>Replaces the venue's tiers and default tier. Patrons assigned a tier that is gone fall back to the default.</summary>
[GenerateSerializer]
[Alias("singr.quotas.SetQuotaTiers")]
public sealed record SetQuotaTiers(
    [property: Id(0)] IReadOnlyList<QuotaTier> Tiers,
    [property: Id(1)] string? DefaultTier,
    [property: Id(2)] AuditStamp Stamp)
{
    public const int MaxTiers = 20;
    public const int MaxNameLength = 40;
    public const int MaxRequestsAllowed = 1000;
}
