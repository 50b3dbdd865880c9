using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Singr.Api.Tests;

/// <summary>A registered user driving the API through HTTP with their current access token.</summary>
internal sealed class ApiUser
{
    private readonly HttpClient _client;

    private ApiUser(HttpClient client, Guid userId, string email, string token)
    {
        _client = client;
        UserId = userId;
        Email = email;
        Token = token;
    }

    public Guid UserId { get; }

    public string Email { get; }

    /// <summary>The access token sent with each request; updated when the API hands out a new one.</summary>
    public string Token { get; set; }

    public static string UniqueEmail(string who = "user") => $"{who}.{Guid.NewGuid():N}@example.com";

    public static string UniqueSlug(string prefix = "bar") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];

    public static async Task<ApiUser> RegisterAsync(HttpClient client, string who = "user")
    {
        var email = UniqueEmail(who);
        using var response = await client.PostAsJsonAsync("/v1/auth/register", new { email, password = "karaoke42", name = who });
        var session = await EnvelopeJson.DataOfAsync(response);
        return new ApiUser(
            client,
            session.GetProperty("user").GetProperty("userId").GetGuid(),
            email,
            session.GetProperty("accessToken").GetString()!);
    }

    /// <summary>A new user who owns a new organisation and acts for it.</summary>
    public static async Task<(ApiUser Owner, Guid CustomerId)> RegisterOwnerAsync(HttpClient client, string who = "owner")
    {
        var owner = await RegisterAsync(client, who);
        var customerId = await owner.CreateOrganisationAsync($"{who}'s bars");
        return (owner, customerId);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null) =>
        SendAsync(_client, method, path, Token, body);

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            // Content as it is (a CSV upload), anything else as JSON.
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Sends, asserts the status, and returns the envelope's data.</summary>
    public async Task<JsonElement> ExpectAsync(HttpStatusCode status, HttpMethod method, string path, object? body = null)
    {
        using var response = await SendAsync(method, path, body);
        Assert.True(status == response.StatusCode, $"{method} {path}: expected {status}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await EnvelopeJson.DataOfAsync(response);
    }

    /// <summary>Signs in again, so the token shows what changed on the account (a platform role, say).</summary>
    public async Task SignInAgainAsync()
    {
        var session = await ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/auth/login", new { email = Email, password = "karaoke42" });
        Token = session.GetProperty("accessToken").GetString()!;
    }

    public async Task<Guid> CreateOrganisationAsync(string name)
    {
        var created = await ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/v1/customers", new { name });
        Token = created.GetProperty("accessToken").GetString()!;
        return created.GetProperty("customer").GetProperty("customerId").GetGuid();
    }

    public async Task SwitchToAsync(Guid customerId)
    {
        var reply = await ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/auth/switch-customer", new { customerId });
        Token = reply.GetProperty("accessToken").GetString()!;
    }

    public async Task<string> CreateVenueAsync(string? slug = null, string name = "The Microphone")
    {
        slug ??= UniqueSlug();
        await ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/v1/venues", new { venueId = slug, name, timezone = "Europe/London", address = "1 High Street" });
        return slug;
    }

    public Task<JsonElement> SetSettingsAsync(string slug, object settings) =>
        ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{slug}/settings", settings);

    /// <summary>A guest session's token at a venue, for a device.</summary>
    public static async Task<string> GuestTokenAsync(HttpClient client, string slug, string? deviceId = null)
    {
        using var response = await client.PostAsJsonAsync("/v1/auth/guest", new { venueId = slug, deviceId = deviceId ?? $"kiosk-{Guid.NewGuid():N}" });
        return (await EnvelopeJson.DataOfAsync(response)).GetProperty("accessToken").GetString()!;
    }

    /// <summary>A jukebox request body for a distinct song.</summary>
    public static object Song(string? title = null, bool priority = false) => new
    {
        kind = "jukebox",
        youtubeId = Guid.NewGuid().ToString("N")[..11],
        title = title ?? $"Song {Guid.NewGuid():N}"[..13],
        artist = "The Testers",
        duration = 180,
        priority,
    };

    /// <summary>Invites <paramref name="member"/> to the active organisation with <paramref name="role"/>; they accept and switch to it.</summary>
    public async Task AddMemberAsync(ApiUser member, Guid customerId, string role)
    {
        var invitation = await ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/v1/customer/invitations", new { email = member.Email, role });
        await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/invitations/accept", new { token = invitation.GetProperty("token").GetString() });
        await member.SwitchToAsync(customerId);
    }
}
