using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Singr.Cluster.Tests;

/// <summary>
/// Made over HTTP as people would: a host registers, creates an organisation and its PAID venues (a credit a song,
/// charged on request, room for every request of a load test), patrons register, and the venue owner gives each of them
/// credits (ADDED, at the first venue).
/// </summary>
internal sealed record PaidVenues(IReadOnlyList<string> Slugs, IReadOnlyList<PaidVenues.Patron> Patrons, int CreditsEach)
{
    private const string Password = "karaoke42";

    public static async Task<PaidVenues> CreateAsync(HttpClient http, int venues, int patrons, int creditsEach)
    {
        ArgumentNullException.ThrowIfNull(http);
        var run = Guid.NewGuid().ToString("N")[..8];
        var owner = await RegisterAsync(http, $"owner-{run}@cluster.singr.test", "Cluster Owner");
        var organisation = await SendAsync(http, HttpMethod.Post, "/v1/customers", owner.AccessToken, new { name = $"Cluster Bars {run}" }, HttpStatusCode.Created);
        var hostToken = organisation.GetProperty("accessToken").GetString()!;

        var slugs = Enumerable.Range(1, venues).Select(i => string.Create(CultureInfo.InvariantCulture, $"cluster-{run}-{i}")).ToList();
        await Task.WhenAll(slugs.Select(async slug =>
        {
            await SendAsync(http, HttpMethod.Post, "/v1/venues", hostToken, new { venueId = slug, name = $"Venue {slug}", timezone = "UTC" }, HttpStatusCode.Created);
            await SendAsync(http, HttpMethod.Patch, $"/v1/venues/{slug}/settings", hostToken, new
            {
                mode = "PAID",
                costPerSong = 1,
                chargeAt = "ON_REQUEST",
                queueLimit = 1000,
                maxPendingPerPatron = 1000,
                noRepeatMinutes = 0,
            }, HttpStatusCode.OK);
        }));

        var registered = await Task.WhenAll(Enumerable.Range(1, patrons).Select(async i =>
        {
            var patron = await RegisterAsync(http, string.Create(CultureInfo.InvariantCulture, $"patron-{i}-{run}@cluster.singr.test"), $"Patron {i}");
            await SendAsync(http, HttpMethod.Post, $"/v1/venues/{slugs[0]}/credits", hostToken, new
            {
                userId = patron.UserId,
                type = "ADDED",
                amount = creditsEach,
                reason = "Cluster test night",
            }, HttpStatusCode.OK);
            return patron;
        }));

        return new PaidVenues(slugs, registered, creditsEach);
    }

    /// <summary>The patron's balance as their phone shows it.</summary>
    public static async Task<int> BalanceAsync(HttpClient http, Patron patron)
    {
        ArgumentNullException.ThrowIfNull(patron);
        var balance = await SendAsync(http, HttpMethod.Get, "/v1/users/me/credits", patron.AccessToken, body: null, HttpStatusCode.OK);
        return balance.GetProperty("balance").GetInt32();
    }

    private static async Task<Patron> RegisterAsync(HttpClient http, string email, string name)
    {
        var session = await SendAsync(http, HttpMethod.Post, "/v1/auth/register", accessToken: null, new { email, password = Password, name }, HttpStatusCode.Created);
        return new Patron(session.GetProperty("user").GetProperty("userId").GetGuid(), session.GetProperty("accessToken").GetString()!);
    }

    private static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, string? accessToken, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"Set-up call {method} {path} answered {(int)response.StatusCode}, not {(int)expected}: {text}");
        }

        using var envelope = JsonDocument.Parse(text);
        return envelope.RootElement.GetProperty("data").Clone();
    }

    /// <summary>A registered user with credits, who pays for requests: one per client of the load.</summary>
    internal sealed record Patron(Guid UserId, string AccessToken);
}
