namespace Singr.Api.Quotas;

/// <summary>The venue's tiers, replacing the ones it has; an empty list makes requests unlimited again.</summary>
/// <param name="DefaultTier">The tier of patrons not assigned one: one of the names, or null for unlimited.</param>
public sealed record QuotaTiersBody(IReadOnlyList<QuotaTierBody?>? Tiers, string? DefaultTier);
