namespace Singr.Grains.Interfaces.Wallets;

/// <param name="RequestId">The queue request paid for: charging twice with one id charges once.</param>
/// <param name="Hold">ON_PLAY: set the credits aside instead of spending them now.</param>
public sealed record ChargeCredits(Guid RequestId, Guid VenueId, int Amount, bool Hold, string Description);
