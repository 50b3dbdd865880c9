namespace Singr.Grains.Interfaces.Wallets;

/// <param name="RequestId">The queue request paid for: charging twice with one id charges once.</param>
/// <param name="Hold">ON_PLAY: set the credits aside instead of spending them now.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.wallets.ChargeCredits")]
public sealed record ChargeCredits(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] Guid VenueId,
    [property: Id(2)] int Amount,
    [property: Id(3)] bool Hold,
    [property: Id(4)] string Description);
