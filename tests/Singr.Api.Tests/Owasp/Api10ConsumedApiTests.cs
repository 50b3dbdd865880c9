using System.Net;

namespace Singr.Api.Tests.Owasp;

/// <summary>
/// OWASP API10:2023, unsafe consumption of APIs: believing what another system says. Today the one system Singr takes
/// facts from is the ingress in front of it, which says who the client is (<c>X-Forwarded-For</c>); that is believed
/// from a trusted proxy only, or anyone could name a fresh address and get a fresh allowance of password guesses.
/// The payment, messaging and video providers that arrive with later issues bring their own cases here.
/// </summary>
public sealed class Api10ConsumedApiTests(ApiDatabaseFixture fixture) : IClassFixture<ApiDatabaseFixture>
{
    [Fact]
    public async Task A_client_that_names_its_own_forwarded_address_is_still_counted_by_its_real_one()
    {
        await using var factory = new SingrApiFactory(fixture.Database, productionRateLimits: true);
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var guess = await SignInAsync(client, peer: "203.0.113.80", forwardedFor: $"198.51.100.{100 + i}");
            statuses.Add(guess.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task The_ingress_forwarding_for_two_clients_gets_two_allowances()
    {
        await using var factory = new SingrApiFactory(fixture.Database, productionRateLimits: true);
        using var client = factory.CreateClient();

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var guess = await SignInAsync(client, peer: "127.0.0.1", forwardedFor: "198.51.100.120");
            first.Add(guess.StatusCode);
        }

        using var second = await SignInAsync(client, peer: "127.0.0.1", forwardedFor: "198.51.100.121");

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string peer, string forwardedFor) =>
        FromAddress.PostAsync(client, "/v1/auth/login", new { email = ApiUser.UniqueEmail("nobody"), password = "wrong-guess" }, peer, forwardedFor);
}
