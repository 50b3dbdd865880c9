namespace Singr.Api.Quotas;

/// <param name="Tier">The name of one of the venue's tiers.</param>
public sealed record QuotaAssignmentBody(string? Tier);
