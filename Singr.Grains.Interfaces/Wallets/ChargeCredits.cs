namespace Singr.Grains.Interfaces.Wallets;

/// <param name="RequestId">The queue request paid for: charging twice with one id charges once.</param>
/// <param name="Hold">ON_PLAY: set the credits aside instead of spending them now.</param>
/// <param name="Attempt">
/// Which try at paying for the request this is, from 1. A try the venue gave up on (<c>Resolve</c>) can never charge,
/// however late its call arrives; the patron's retry of the request is a later try, and charges.
/// </param>
[GenerateSerializer]
[Immutable]
[Alias("singr.wallets.ChargeCredits")]
public sealed record ChargeCredits(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] Guid VenueId,
    [property: Id(2)] int Amount,
    [property: Id(3)] bool Hold,
    [property: Id(4)] string Description,
    [property: Id(5)] int Attempt = 1);
