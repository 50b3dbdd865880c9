using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Wallets;

/// <param name="OperationId">Idempotency: the same id adjusts once.</param>
/// <param name="Type">EARNED (platform), ADDED or REMOVED (a venue's host).</param>
public sealed record AdjustCredits(Guid OperationId, string Type, int Amount, Guid? VenueId, Guid? CustomerId, string Reason, AuditStamp Stamp);
