namespace Singr.Grains.Interfaces.Quotas;

/// <summary>A venue's request allowances. Patrons not assigned a tier get <see cref="DefaultTier"/>; none means unlimited.</summary>
/// <param name="Assignments">Tier name by patron account id.</param>
[GenerateSerializer]
[Alias("singr.quotas.QuotaPolicy")]
public sealed record QuotaPolicy(
    [property: Id(0)] IReadOnlyList<QuotaTier> Tiers,
    [property: Id(1)] string? DefaultTier,
    [property: Id(2)] IReadOnlyDictionary<Guid, string> Assignments)
{
    public static QuotaPolicy None { get; } = new([], null, new Dictionary<Guid, string>());
}
