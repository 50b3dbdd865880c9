using System.Net;

namespace Singr.Api.Tests.Owasp;

/// <summary>
/// OWASP API4:2023, unrestricted resource consumption: page sizes, the rate of every call that costs a grain turn, and
/// what one hub connection may send. Body, target and header sizes are in <c>HostileRequestTests</c>; the limit each
/// endpoint counts against is pinned in <c>EndpointRateLimitTests</c>.
/// </summary>
public sealed class Api4ResourceConsumptionTests(ApiDatabaseFixture fixture) : IClassFixture<ApiDatabaseFixture>
{
    [Theory]
    [InlineData("/v1/customer/requests?limit=100000", "limit")]
    [InlineData("/v1/customer/requests?limit=101", "limit")]
    [InlineData("/v1/customer/requests?page=100001", "page")]
    [InlineData("/v1/users/me/credits/transactions?limit=1000000", "limit")]
    [InlineData("/v1/customer/audit?limit=5000", "limit")]
    public async Task A_page_past_the_largest_is_refused_naming_the_value_rather_than_served(string path, string field)
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        var (owner, _) = await ApiUser.RegisterOwnerAsync(client);

        using var response = await owner.SendAsync(HttpMethod.Get, path);
        var error = await EnvelopeJson.ErrorOfAsync(response);
        using var largest = await owner.SendAsync(HttpMethod.Get, path.Split('?')[0] + "?limit=100");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, Assert.Single(error.GetProperty("details").EnumerateArray()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.OK, largest.StatusCode);
    }

    [Fact]
    public async Task Renewing_a_session_signing_out_and_asking_who_you_are_are_held_to_the_api_limit_too()
    {
        await using var factory = new SingrApiFactory(fixture.Database, productionRateLimits: true);
        using var client = factory.CreateClient();
        var patron = await ApiUser.RegisterAsync(client, "patron");

        var refreshes = new List<HttpStatusCode>();
        for (var i = 0; i < 101; i++)
        {
            using var answer = await FromAddress.PostAsync(client, "/v1/auth/refresh", new { refreshToken = $"guess-{i}" }, "198.51.100.60");
            refreshes.Add(answer.StatusCode);
        }

        var whoAmI = new List<HttpStatusCode>();
        for (var i = 0; i < 101; i++)
        {
            using var answer = await patron.SendAsync(HttpMethod.Get, "/v1/auth/me");
            whoAmI.Add(answer.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 100), HttpStatusCode.TooManyRequests], refreshes);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 100), HttpStatusCode.TooManyRequests], whoAmI);
    }

    [Fact]
    public async Task A_hub_message_past_32_KB_ends_that_connection_and_no_other()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        var (owner, _) = await ApiUser.RegisterOwnerAsync(client);
        var slug = await owner.CreateVenueAsync();
        await using var flooder = await HubConnections.ConnectAsync(factory, HubConnections.VenueHub, await ApiUser.GuestTokenAsync(client, slug));
        await using var neighbour = await HubConnections.ConnectAsync(factory, HubConnections.VenueHub, await ApiUser.GuestTokenAsync(client, slug));

        await Assert.ThrowsAsync<InvalidOperationException>(() => flooder.InvokeAsync("JoinVenue", new string('a', 40 * 1024), null));
        var why = await flooder.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        var joined = await neighbour.InvokeAsync("JoinVenue", slug, null);

        // The server closes with an error and names no limit (detailed errors are off).
        Assert.EndsWith("Connection closed with an error.", why, StringComparison.Ordinal);
        Assert.Equal(slug, joined.Ok("the neighbour joining").GetProperty("venueId").GetString());
    }

    [Fact]
    public async Task A_hub_connection_calling_past_20_times_a_second_is_refused_the_extra_calls_and_may_go_on_afterwards()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        var (owner, _) = await ApiUser.RegisterOwnerAsync(client);
        var slug = await owner.CreateVenueAsync();
        await using var hub = await HubConnections.ConnectAsync(factory, HubConnections.VenueHub, await ApiUser.GuestTokenAsync(client, slug));

        // Sent at once; the hub takes one call of a connection at a time, so at 20 a second they would need 10 seconds.
        var burst = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => hub.InvokeAsync("JoinVenue", slug, null)));
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var afterwards = await hub.InvokeAsync("JoinVenue", slug, null);

        Assert.True(burst.Any(call => call.Error?.Contains("RATE_LIMITED: ", StringComparison.Ordinal) == true), string.Join("; ", burst.Select(b => b.ToString()).Distinct()));
        Assert.Contains(burst, call => call.Succeeded);
        Assert.True(afterwards.Succeeded, afterwards.Error);
    }
}
