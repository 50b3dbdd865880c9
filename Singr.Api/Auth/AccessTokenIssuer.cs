using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Singr.Grains.Interfaces.Accounts;

namespace Singr.Api.Auth;

/// <summary>Issues the 15-minute access tokens: HS256, issuer, audience, subject = the user id.</summary>
public sealed class AccessTokenIssuer(IOptions<AuthOptions> options, SigningKeyStore keys, TimeProvider timeProvider)
{
    private readonly JsonWebTokenHandler _handler = new();

    public AccessToken Issue(AccountProfile account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = timeProvider.GetUtcNow();
        var expires = now + options.Value.AccessTokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(SingrClaims.Subject, account.UserId.ToString("D")),
                new Claim(SingrClaims.Email, account.Email),
                new Claim(SingrClaims.Name, account.Name),
            ]),
        });
        return new AccessToken(token, expires);
    }
}
