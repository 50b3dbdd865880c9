using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Singr.Api.Auth;

namespace Singr.Api.Tests;

public sealed class AuthTests(ApiDatabaseFixture fixture) : IClassFixture<ApiDatabaseFixture>
{
    [Fact]
    public async Task Registering_signs_the_user_in_and_me_returns_their_profile()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        var email = UniqueEmail();

        using var registered = await client.PostAsJsonAsync("/v1/auth/register", new { email, password = "karaoke42", name = "Ann Singer" });
        var session = await EnvelopeJson.DataOfAsync(registered);
        using var me = await SendAsync(client, HttpMethod.Get, "/v1/auth/me", session.GetProperty("accessToken").GetString());
        var profile = await EnvelopeJson.DataOfAsync(me);

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(email.ToLowerInvariant(), profile.GetProperty("email").GetString());
        Assert.Equal("Ann Singer", profile.GetProperty("name").GetString());
        Assert.Equal(session.GetProperty("user").GetProperty("userId").GetString(), profile.GetProperty("userId").GetString());
    }

    [Fact]
    public async Task An_email_is_taken_whatever_its_case_and_the_second_registration_changes_nothing()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        var email = UniqueEmail();
        await RegisterAsync(client, email, name: "First");

        using var second = await client.PostAsJsonAsync("/v1/auth/register", new { email = "  " + email.ToUpperInvariant(), password = "other-pass-9", name = "Second" });
        using var login = await client.PostAsJsonAsync("/v1/auth/login", new { email, password = "karaoke42" });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("EMAIL_TAKEN", (await EnvelopeJson.ErrorOfAsync(second)).GetProperty("code").GetString());
        Assert.Equal("First", (await EnvelopeJson.DataOfAsync(login)).GetProperty("user").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Invalid_registration_fields_are_each_reported_and_nothing_is_created()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/v1/auth/register", new { email = "not-an-email", password = "short", name = "" });
        var error = await EnvelopeJson.ErrorOfAsync(response);
        var fields = error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("VALIDATION_ERROR", error.GetProperty("code").GetString());
        Assert.Equal(["email", "password", "name"], fields);
    }

    [Fact]
    public async Task A_wrong_password_or_unknown_email_is_refused_alike()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        var email = UniqueEmail();
        await RegisterAsync(client, email);

        using var wrongPassword = await client.PostAsJsonAsync("/v1/auth/login", new { email, password = "karaoke43" });
        using var unknownEmail = await client.PostAsJsonAsync("/v1/auth/login", new { email = UniqueEmail(), password = "karaoke42" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        Assert.Equal(
            (await EnvelopeJson.ErrorOfAsync(wrongPassword)).GetProperty("message").GetString(),
            (await EnvelopeJson.ErrorOfAsync(unknownEmail)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_presenting_a_used_one_revokes_the_whole_family()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        var email = UniqueEmail();
        var first = (await RegisterAsync(client, email)).GetProperty("refreshToken").GetString();

        using var rotated = await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = first });
        var second = (await EnvelopeJson.DataOfAsync(rotated)).GetProperty("refreshToken").GetString();
        using var replayed = await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = first });
        using var afterTheft = await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = second });

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterTheft.StatusCode);
    }

    [Fact]
    public async Task After_logout_the_refresh_token_no_longer_works()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        var refreshToken = (await RegisterAsync(client, UniqueEmail())).GetProperty("refreshToken").GetString();

        using var logout = await client.PostAsJsonAsync("/v1/auth/logout", new { refreshToken });
        using var refresh = await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken });

        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("tampered")]
    [InlineData("alg-none")]
    [InlineData("wrong-issuer")]
    [InlineData("wrong-audience")]
    [InlineData("wrong-key")]
    [InlineData("missing")]
    public async Task Bad_access_tokens_are_refused_with_401_in_the_envelope(string defect)
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        var email = UniqueEmail();
        var session = await RegisterAsync(client, email);
        var key = factory.Services.GetRequiredService<SigningKeyStore>().Key;
        var userId = session.GetProperty("user").GetProperty("userId").GetString()!;

        var token = defect switch
        {
            "expired" => Token(key, userId, email, expires: DateTime.UtcNow.AddMinutes(-2)),
            "tampered" => Tamper(session.GetProperty("accessToken").GetString()!),
            "alg-none" => UnsignedToken(userId, email),
            "wrong-issuer" => Token(key, userId, email, issuer: "someone-else"),
            "wrong-audience" => Token(key, userId, email, audience: "another-api"),
            "wrong-key" => Token(new SymmetricSecurityKey(new byte[32]), userId, email),
            _ => null,
        };
        using var response = await SendAsync(client, HttpMethod.Get, "/v1/auth/me", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHORIZED", (await EnvelopeJson.ErrorOfAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_token_signed_correctly_by_hand_is_accepted_so_the_refusals_above_are_about_their_defects()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        var email = UniqueEmail();
        var userId = (await RegisterAsync(client, email)).GetProperty("user").GetProperty("userId").GetString()!;
        var key = factory.Services.GetRequiredService<SigningKeyStore>().Key;

        using var response = await SendAsync(client, HttpMethod.Get, "/v1/auth/me", Token(key, userId, email.ToLowerInvariant()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<JsonElement> RegisterAsync(HttpClient client, string email, string password = "karaoke42", string name = "Ann")
    {
        using var response = await client.PostAsJsonAsync("/v1/auth/register", new { email, password, name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await EnvelopeJson.DataOfAsync(response);
    }

    private static string UniqueEmail() => $"Singer.{Guid.NewGuid():N}@Example.com";

    private static string Token(SecurityKey key, string userId, string email, DateTime? expires = null, string issuer = "singr", string audience = "singr-api")
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddMinutes(-15),
            NotBefore = expiry.AddMinutes(-15),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity([new Claim("sub", userId), new Claim("email", email.ToLowerInvariant())]),
        });
    }

    private static string UnsignedToken(string userId, string email)
    {
        static string Part(object value) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return $"{Part(new { alg = "none", typ = "JWT" })}.{Part(new { sub = userId, email = email.ToLowerInvariant(), iss = "singr", aud = "singr-api", exp })}.";
    }

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload["name"] = JsonSerializer.SerializeToElement("Mallory");
        return $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}.{parts[2]}";
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? bearer)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request);
    }
}
