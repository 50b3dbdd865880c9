using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Accounts;
using Singr.Grains.Interfaces.Venues;

namespace Singr.Api.Auth;

/// <summary>
/// Issues access tokens (HS256, issuer, audience): 15 minutes for accounts, 5 for an impersonation, 24 hours for a guest
/// at one venue, and long-lived, venue-checked credentials for paired players.
/// </summary>
public sealed class AccessTokenIssuer(IOptions<AuthOptions> options, SigningKeyStore keys, TimeProvider timeProvider)
{
    private readonly JsonWebTokenHandler _handler = new();

    public AccessToken Issue(AccountProfile account) => Sign(options.Value.AccessTokenLifetime, AccountClaims(account));

    /// <summary>A token for <paramref name="target"/> that also names the developer acting as them.</summary>
    public AccessToken IssueImpersonation(AccountProfile target, Guid actorId, string actorEmail) =>
        Sign(options.Value.ImpersonationTokenLifetime,
        [
            .. AccountClaims(target),
            new Claim(SingrClaims.ActorSubject, actorId.ToString("D")),
            new Claim(SingrClaims.ActorEmail, actorEmail),
        ]);

    /// <summary>A token good for one venue only, for the guest <paramref name="guestId"/>.</summary>
    public AccessToken IssueGuest(string guestId, Guid venueId) =>
        Sign(options.Value.GuestTokenLifetime,
        [
            new Claim(SingrClaims.Subject, guestId),
            new Claim(SingrClaims.Role, Roles.Guest),
            new Claim(SingrClaims.VenueId, venueId.ToString("D")),
            new Claim(SingrClaims.Name, "Guest"),
        ]);

    public AccessToken IssuePlayer(PlayerDevice player)
    {
        ArgumentNullException.ThrowIfNull(player);
        return Sign(options.Value.PlayerTokenLifetime,
        [
            new Claim(SingrClaims.Subject, player.PlayerId.ToString("D")),
            new Claim(SingrClaims.Role, Roles.Player),
            new Claim(SingrClaims.VenueId, player.VenueId.ToString("D")),
            new Claim(SingrClaims.DeviceId, player.DeviceId),
            new Claim(SingrClaims.Name, "Player"),
        ]);
    }

    private static List<Claim> AccountClaims(AccountProfile account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(SingrClaims.Subject, account.UserId.ToString("D")),
            new(SingrClaims.Email, account.Email),
            new(SingrClaims.Name, account.Name),
        };
        if (account.PlatformRole is not null)
        {
            claims.Add(new Claim(SingrClaims.Role, account.PlatformRole));
        }

        if (account.Nickname is not null)
        {
            claims.Add(new Claim(SingrClaims.Nickname, account.Nickname));
            claims.Add(new Claim(SingrClaims.Role, Roles.Singer));
        }

        if (account.ActiveCustomerId is { } customerId)
        {
            claims.Add(new Claim(SingrClaims.CustomerId, customerId.ToString("D")));
        }

        return claims;
    }

    private AccessToken Sign(TimeSpan lifetime, IEnumerable<Claim> claims)
    {
        var now = timeProvider.GetUtcNow();
        var expires = now + lifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(claims),
        });
        return new AccessToken(token, expires);
    }
}
