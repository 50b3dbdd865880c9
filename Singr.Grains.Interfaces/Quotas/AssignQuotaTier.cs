using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Quotas;

/// <summary>Puts a patron account in a tier; a null tier returns them to the default.</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.quotas.AssignQuotaTier")]
public sealed record AssignQuotaTier([property: Id(0)] Guid UserId, [property: Id(1)] string? Tier, [property: Id(2)] AuditStamp Stamp);
