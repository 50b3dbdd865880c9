namespace Singr.Api.Catalog;

/// <summary>What the video catalog found, or why it could not answer (<see cref="CatalogErrors"/>).</summary>
/// <param name="RetryAt">With <see cref="CatalogErrors.QuotaSpent"/>: when the quota is whole again.</param>
public sealed record CatalogOutcome<T>(T? Value, string? Error = null, DateTimeOffset? RetryAt = null)
    where T : class;
