using Singr.Api.Access;

namespace Singr.Api.Wallets;

/// <summary>
/// Whose wallet a caller pays from and buys into: an account's own, or a guest's, bound to that device's guest
/// identity at the venue (so a kiosk can buy credits and spend them); players and anyone else have none.
/// </summary>
public static class WalletOwner
{
    private const string GuestPrefix = "guest-";

    public static Guid? Of(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Kind switch
        {
            CallerKind.Account => caller.UserId,
            CallerKind.Guest => OfGuest(caller.Subject),
            _ => null,
        };
    }

    /// <summary>The guest identity's 128 bits (<c>guest-</c> and 32 hex digits) as the wallet's id.</summary>
    public static Guid? OfGuest(string guestId) =>
        guestId is { Length: 38 } && guestId.StartsWith(GuestPrefix, StringComparison.Ordinal)
        && Guid.TryParseExact(guestId[GuestPrefix.Length..], "N", out var wallet)
            ? wallet
            : null;
}
