using System.Net;
using System.Net.Http.Json;

namespace Singr.Api.Tests.Owasp;

/// <summary>
/// OWASP API2:2023, broken authentication: tokens used for what they are not, passwords guessed across accounts, secrets
/// living long after they are stolen. Forged, expired and unsigned access tokens and refresh-token reuse are in <c>AuthTests</c>;
/// that a failed sign-in records no password is in <c>SecurityAuditTests</c>.
/// </summary>
public sealed class Api2AuthenticationTests(ApiDatabaseFixture fixture) : IClassFixture<ApiDatabaseFixture>
{
    private const string Password = "karaoke42";

    [Fact]
    public async Task A_refresh_token_is_no_access_token_and_an_access_token_refreshes_nothing()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        var session = await RegisterAsync(client, ApiUser.UniqueEmail());
        var accessToken = session.GetProperty("accessToken").GetString();
        var refreshToken = session.GetProperty("refreshToken").GetString();

        using var refreshAsBearer = await ApiUser.SendAsync(client, HttpMethod.Get, "/v1/auth/me", refreshToken);
        using var accessAsRefresh = await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = accessToken });
        using var accessAsBearer = await ApiUser.SendAsync(client, HttpMethod.Get, "/v1/auth/me", accessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, refreshAsBearer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, accessAsRefresh.StatusCode);
        Assert.Equal("INVALID_REFRESH_TOKEN", (await EnvelopeJson.ErrorOfAsync(accessAsRefresh)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, accessAsBearer.StatusCode);
    }

    [Fact]
    public async Task Guessing_one_password_across_many_accounts_from_one_address_is_held_to_five_tries_a_minute()
    {
        await using var factory = new SingrApiFactory(fixture.Database, productionRateLimits: true);
        using var client = factory.CreateClient();
        const string attacker = "198.51.100.40";
        var victims = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var email = ApiUser.UniqueEmail($"victim{i}");
            await RegisterAsync(client, email, from: $"198.51.100.{50 + i}");
            victims.Add(email);
        }

        var statuses = new List<HttpStatusCode>();
        foreach (var email in victims)
        {
            using var guess = await SignInAsync(client, email, Password, attacker);
            statuses.Add(guess.StatusCode);
        }

        // The guess was right for every account: only the limit stopped the sixth.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_stolen_access_token_is_good_for_15_minutes_and_a_guests_for_its_24_hour_visit_and_no_longer()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        var account = await RegisterAsync(client, ApiUser.UniqueEmail());
        var (owner, _) = await ApiUser.RegisterOwnerAsync(client);
        var guest = await ApiUser.GuestTokenAsync(client, await owner.CreateVenueAsync());

        Assert.Equal(TimeSpan.FromMinutes(15), Lifetime(account.GetProperty("accessToken").GetString()!));
        Assert.Equal(TimeSpan.FromHours(24), Lifetime(guest));
    }

    /// <summary>From the token's own <c>iat</c> and <c>exp</c>, as anyone holding it can read them.</summary>
    private static TimeSpan Lifetime(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        using var claims = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')));
        return TimeSpan.FromSeconds(claims.RootElement.GetProperty("exp").GetInt64() - claims.RootElement.GetProperty("iat").GetInt64());
    }

    private static async Task<System.Text.Json.JsonElement> RegisterAsync(HttpClient client, string email, string? from = null)
    {
        using var response = await FromAddress.PostAsync(client, "/v1/auth/register", new { email, password = Password, name = "Patron" }, from ?? "198.51.100.1");
        return await EnvelopeJson.DataOfAsync(response);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string from) =>
        FromAddress.PostAsync(client, "/v1/auth/login", new { email, password }, from);
}
