using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Singr.Grains.Interfaces.Accounts;
using Singr.Grains.Interfaces.Messaging;

namespace Singr.Api.Tests;

/// <summary>The product's limits on the account flows (RATE_LIMITS: password reset and magic link 5 an hour, two-factor codes 10 in 15 minutes).</summary>
public sealed class AccountFlowRateLimitTests(ApiDatabaseFixture fixture) : IClassFixture<ApiDatabaseFixture>
{
    [Fact]
    public async Task The_sixth_reset_request_from_one_address_within_an_hour_is_refused_emails_nothing_and_a_token_buys_no_new_allowance()
    {
        await using var factory = new SingrApiFactory(fixture.Database, productionRateLimits: true);
        using var client = factory.CreateClient();
        const string address = "203.0.113.41";
        var user = await ApiUser.RegisterAsync(client, "forgetful");

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var response = await PostAsync(client, "/v1/auth/password/forgot", new { email = user.Email }, address);
            statuses.Add(response.StatusCode);
        }

        using var sixth = await PostAsync(client, "/v1/auth/password/forgot", new { email = user.Email }, address, user.Token);
        using var elsewhere = await PostAsync(client, "/v1/auth/password/forgot", new { email = user.Email }, "203.0.113.42");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 5), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal("RATE_LIMITED", (await EnvelopeJson.ErrorOfAsync(sixth)).GetProperty("code").GetString());
        Assert.NotNull(sixth.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Accepted, elsewhere.StatusCode);
        Assert.Equal(6, await SentMessages.CountAsync(fixture.Database, user.UserId, MessageKinds.PasswordReset));
    }

    [Fact]
    public async Task The_sixth_magic_link_request_from_one_address_within_an_hour_is_refused()
    {
        await using var factory = new SingrApiFactory(fixture.Database, productionRateLimits: true);
        using var client = factory.CreateClient();
        const string address = "203.0.113.43";

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var response = await PostAsync(client, "/v1/auth/magic-link", new { email = ApiUser.UniqueEmail() }, address);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, 5), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task The_eleventh_second_factor_guess_from_one_address_within_15_minutes_is_refused()
    {
        await using var factory = new SingrApiFactory(fixture.Database, productionRateLimits: true);
        using var client = factory.CreateClient();
        const string address = "203.0.113.44";

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 11; attempt++)
        {
            using var response = await PostAsync(
                client, "/v1/auth/2fa/verify", new { challengeToken = AccountToken.Compose(Guid.NewGuid(), "guess"), code = "123456" }, address);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 10), HttpStatusCode.TooManyRequests], statuses);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string from, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add(TestClientAddress.HeaderName, from);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }
}
