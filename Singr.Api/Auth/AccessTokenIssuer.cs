using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Singr.Grains.Interfaces.Accounts;

namespace Singr.Api.Auth;

/// <summary>Issues access tokens (HS256, issuer, audience): 15 minutes for accounts, 24 hours for a guest at one venue.</summary>
public sealed class AccessTokenIssuer(IOptions<AuthOptions> options, SigningKeyStore keys, TimeProvider timeProvider)
{
    private readonly JsonWebTokenHandler _handler = new();

    public AccessToken Issue(AccountProfile account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Sign(options.Value.AccessTokenLifetime,
        [
            new Claim(SingrClaims.Subject, account.UserId.ToString("D")),
            new Claim(SingrClaims.Email, account.Email),
            new Claim(SingrClaims.Name, account.Name),
        ]);
    }

    /// <summary>A token good for one venue only, for the guest <paramref name="guestId"/>.</summary>
    public AccessToken IssueGuest(string guestId, Guid venueId) =>
        Sign(options.Value.GuestTokenLifetime,
        [
            new Claim(SingrClaims.Subject, guestId),
            new Claim(SingrClaims.Role, SingrClaims.GuestRole),
            new Claim(SingrClaims.VenueId, venueId.ToString("D")),
            new Claim(SingrClaims.Name, "Guest"),
        ]);

    private AccessToken Sign(TimeSpan lifetime, Claim[] claims)
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
