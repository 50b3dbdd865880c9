using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Singr.Api.RateLimiting;
using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>
/// Which limit each endpoint counts against, as routing resolves it (a route group's limit, or the endpoint's own where
/// it differs: the last one set wins). Limits are set once per group; this pins what every endpoint ends up with.
/// </summary>
public sealed class EndpointRateLimitTests(ApiDatabaseFixture fixture) : IClassFixture<ApiDatabaseFixture>
{
    /// <summary>
    /// The one endpoint with no limit: the player's heartbeat, which must never be refused while a song plays. A new
    /// endpoint without a limit fails this test until it is named here.
    /// </summary>
    private static readonly HashSet<string> Unlimited = ["POST /v1/venues/{venueId}/player/state"];

    [Fact]
    public async Task Every_v1_endpoint_counts_against_the_limit_of_who_calls_it_and_only_the_players_heartbeat_against_none()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        var limits = LimitsByEndpoint(factory.Services);

        Assert.All(limits.Where(e => !Unlimited.Contains(e.Key)), e => Assert.NotNull(e.Value));
        Assert.All(Unlimited, e => Assert.Null(limits[e]));
        Assert.Equal(RateLimitPolicies.PublicVenues, limits["GET /v1/venues/{venueId}/queue/"]);
        Assert.Equal(RateLimitPolicies.PublicRequests, limits["POST /v1/venues/{venueId}/queue/"]);
        Assert.Equal(RateLimitPolicies.CustomerApi, limits["POST /v1/venues/{venueId}/queue/reorder"]);
        Assert.Equal(RateLimitPolicies.CustomerApi, limits["PATCH /v1/venues/{venueId}/queue/{id}"]);
        Assert.Equal(RateLimitPolicies.PublicVenues, limits["GET /v1/venues/"]);
        Assert.Equal(RateLimitPolicies.CustomerApi, limits["POST /v1/venues/"]);
        Assert.Equal(RateLimitPolicies.CustomerApi, limits["POST /v1/venues/{venueId}/player/commands"]);
        Assert.Equal(RateLimitPolicies.CustomerApi, limits["GET /v1/customer/requests/"]);
        Assert.Equal(RateLimitPolicies.CustomerRequestsBulkDelete, limits["DELETE /v1/customer/requests/"]);
        Assert.All(["POST /v1/auth/refresh", "POST /v1/auth/logout", "GET /v1/auth/me", "GET /v1/players/me"],
            e => Assert.Equal(RateLimitPolicies.CustomerApi, limits[e]));
        Assert.All(["POST /v1/auth/password/forgot", "POST /v1/auth/password/reset"], e => Assert.Equal(RateLimitPolicies.AuthPasswordReset, limits[e]));
        Assert.Equal(RateLimitPolicies.AuthMagicLink, limits["POST /v1/auth/magic-link"]);
        Assert.Equal(RateLimitPolicies.AuthSignIn, limits["POST /v1/auth/magic-link/verify"]);
        Assert.All(["POST /v1/auth/2fa/sms", "POST /v1/users/me/phone", "POST /v1/users/me/email/verification"],
            e => Assert.Equal(RateLimitPolicies.AuthTwoFactorRequest, limits[e]));
        Assert.All(["POST /v1/auth/2fa/verify", "POST /v1/users/me/2fa/totp/confirm", "DELETE /v1/users/me/2fa", "POST /v1/users/me/phone/verify"],
            e => Assert.Equal(RateLimitPolicies.AuthTwoFactorVerify, limits[e]));
    }

    private static Dictionary<string, string?> LimitsByEndpoint(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => (Key: $"{method} {e.RoutePattern.RawText}", Policy: e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName)))
            .ToDictionary(e => e.Key, e => e.Policy);
}
