using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Wallets;

/// <summary>
/// A patron signed in on the device where they had been a guest: the guest wallet's available credits move to their
/// account, once. Held credits stay with the guest's waiting requests.
/// </summary>
/// <param name="AccountId">The account the credits go to; the guest wallet moves to one account only, ever.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.wallets.MoveGuestCredits")]
public sealed record MoveGuestCredits([property: Id(0)] Guid AccountId, [property: Id(1)] AuditStamp Stamp);
