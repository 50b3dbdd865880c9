using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Wallets;

/// <param name="OperationId">Idempotency: the same id adjusts once.</param>
/// <param name="Type">EARNED (platform), ADDED or REMOVED (a venue's host).</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.wallets.AdjustCredits")]
public sealed record AdjustCredits(
    [property: Id(0)] Guid OperationId,
    [property: Id(1)] string Type,
    [property: Id(2)] int Amount,
    [property: Id(3)] Guid? VenueId,
    [property: Id(4)] Guid? CustomerId,
    [property: Id(5)] string Reason,
    [property: Id(6)] AuditStamp Stamp);
