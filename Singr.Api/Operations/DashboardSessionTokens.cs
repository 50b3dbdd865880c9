using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Singr.Api.Auth;
using Singr.Grains.Interfaces.Access;

namespace Singr.Api.Operations;

/// <summary>
/// The Orleans Dashboard's cookie: a short-lived JWT signed with the access-token key (so any front end accepts it; no
/// data-protection key ring to share) for a separate audience (<c>{Audience}:ops</c>), so it is no API token: the bearer
/// handler refuses it, and the dashboard refuses API tokens in the cookie.
/// </summary>
public sealed class DashboardSessionTokens(
    IOptions<AuthOptions> auth,
    IOptions<OperationsOptions> operations,
    IOptionsMonitor<JwtBearerOptions> bearer,
    SigningKeyStore keys,
    TimeProvider timeProvider)
{
    /// <summary>HttpOnly, SameSite=Strict, sent only to <see cref="DashboardPath"/>; Secure whenever the request is HTTPS.</summary>
    public const string CookieName = "singr_ops";

    public const string DashboardPath = "/ops/orleans";

    private readonly JsonWebTokenHandler _handler = new();

    private string Audience => $"{auth.Value.Audience}:ops";

    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid userId, string email)
    {
        var now = timeProvider.GetUtcNow();
        var expires = now + operations.Value.DashboardSessionLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Value.Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(SingrClaims.Subject, userId.ToString("D")),
                new Claim(SingrClaims.Email, email),
                new Claim(SingrClaims.Role, Roles.Admin),
            ]),
        });
        return (token, expires);
    }

    /// <summary>Whether the cookie's token is one this service issued and has not expired (same key, issuer, skew as access tokens).</summary>
    public async Task<bool> IsValidAsync(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var parameters = bearer.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters.Clone();
        parameters.ValidAudience = Audience;
        parameters.ValidAudiences = null;
        var result = await _handler.ValidateTokenAsync(token, parameters);
        return result.IsValid && result.ClaimsIdentity.FindFirst(SingrClaims.Role)?.Value == Roles.Admin;
    }

    public void SetCookie(HttpContext context, string token, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = DashboardPath,
            Expires = expiresAt,
            IsEssential = true,
        });
    }
}
