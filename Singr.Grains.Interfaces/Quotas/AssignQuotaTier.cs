using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Quotas;

/// <summary>Puts a patron account in a tier; a null tier returns them to the default.</summary>
public sealed record AssignQuotaTier(Guid UserId, string? Tier, AuditStamp Stamp);
