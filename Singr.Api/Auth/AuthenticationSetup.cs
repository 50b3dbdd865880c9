using Singr.Api.Audit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Singr.Api.Access;
using Singr.Api.Http;
using Orleans;
using Singr.Grains.Interfaces.Venues;

namespace Singr.Api.Auth;

/// <summary>JWT bearer validation: the one allowed algorithm, issuer, audience, lifetime with at most 30 s skew.</summary>
public static class AuthenticationSetup
{
    public static IServiceCollection AddSingrAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<SigningKeyStore>();
        services.AddHostedService(sp => sp.GetRequiredService<SigningKeyStore>());
        services.AddSingleton<AccessTokenIssuer>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>, SigningKeyStore>(Configure);
        services.AddAuthorization();
        return services;
    }

    private static void Configure(JwtBearerOptions bearer, IOptions<AuthOptions> options, SigningKeyStore keys)
    {
        bearer.MapInboundClaims = false;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = options.Value.Issuer,
            ValidAudience = options.Value.Audience,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            IssuerSigningKeyResolver = (_, _, _, _) => [keys.Key],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = options.Value.ClockSkew,
            NameClaimType = SingrClaims.Name,
        };
        bearer.Events = new JwtBearerEvents
        {
            OnChallenge = async context =>
            {
                context.HandleResponse();
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(Envelope.Failure(context.HttpContext, ApiErrors.ForStatus(StatusCodes.Status401Unauthorized)));
            },
            OnTokenValidated = RefuseRevokedPlayersAsync,
            OnAuthenticationFailed = RecordRejectedToken,

            // Browsers cannot set headers on WebSocket requests: hubs take the token from the query string (which the
            // request log never prints).
            OnMessageReceived = context =>
            {
                if (context.HttpContext.Request.Path.StartsWithSegments("/hubs", StringComparison.Ordinal)
                    && context.Request.Query["access_token"].ToString() is { Length: > 0 } token)
                {
                    context.Token = token;
                }

                return Task.CompletedTask;
            },
            OnForbidden = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return context.Response.WriteAsJsonAsync(Envelope.Failure(context.HttpContext, ApiErrors.ForStatus(StatusCodes.Status403Forbidden)));
            },
        };
    }

    /// <summary>A bearer token that failed validation, for the platform's audit trail: why, never the token.</summary>
    private static Task RecordRejectedToken(AuthenticationFailedContext context)
    {
        var reason = context.Exception switch
        {
            SecurityTokenExpiredException => "expired",
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "not signed by Singr",
            SecurityTokenInvalidIssuerException or SecurityTokenInvalidAudienceException => "issued for another service",
            SecurityTokenInvalidAlgorithmException => "unsigned or the wrong algorithm",
            _ => "malformed",
        };
        context.HttpContext.RequestServices.GetRequiredService<SecurityAudit>()
            .Record(context.HttpContext, SecurityAudit.TokenRejected, "token", "bearer", new { reason });
        return Task.CompletedTask;
    }

    /// <summary>
    /// Player credentials live as long as the pairing, so each use asks the venue whether this player (on this device)
    /// is still paired: revocation takes effect on the next request.
    /// </summary>
    private static async Task RefuseRevokedPlayersAsync(TokenValidatedContext context)
    {
        var caller = Caller.From(context.Principal!);
        if (caller?.Kind != CallerKind.Player)
        {
            return;
        }

        var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
        var player = caller.VenueId is { } venueId && Guid.TryParse(caller.Subject, out var playerId)
            ? await grains.GetGrain<IVenueGrain>(venueId).GetActivePlayer(playerId)
            : null;
        if (player is null || player.DeviceId != context.Principal!.FindFirst(SingrClaims.DeviceId)?.Value)
        {
            context.Fail("The player was revoked or its venue deleted.");
        }
    }
}
