namespace Singr.Grains.Interfaces.Quotas;

/// <summary>A venue's request allowances. Patrons not assigned a tier get <see cref="DefaultTier"/>; none means unlimited.</summary>
/// <param name="Assignments">Tier name by patron account id.</param>
public sealed record QuotaPolicy(IReadOnlyList<QuotaTier> Tiers, string? DefaultTier, IReadOnlyDictionary<Guid, string> Assignments)
{
    public static QuotaPolicy None { get; } = new([], null, new Dictionary<Guid, string>());
}
