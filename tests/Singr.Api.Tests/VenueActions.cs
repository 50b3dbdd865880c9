using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Singr.Api.Tests;

/// <summary>What guests, hosts and players do at a venue over HTTP, for tests that watch the hubs.</summary>
internal static class VenueActions
{
    /// <summary>Requests a song with a guest's token; returns the queue item's id.</summary>
    public static async Task<Guid> RequestAsync(HttpClient client, string guestToken, string slug, string? title = null)
    {
        using var response = await ApiUser.SendAsync(client, HttpMethod.Post, $"/v1/venues/{slug}/queue", guestToken, ApiUser.Song(title));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"request at {slug}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await EnvelopeJson.DataOfAsync(response)).GetProperty("item").GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> QueueAsync(HttpClient client, string token, string slug)
    {
        using var response = await ApiUser.SendAsync(client, HttpMethod.Get, $"/v1/venues/{slug}/queue", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await EnvelopeJson.DataOfAsync(response);
    }

    /// <summary>Pairs a new device with the venue: its player token and player id.</summary>
    public static async Task<(string Token, Guid PlayerId)> PairAsync(HttpClient client, ApiUser host, string slug)
    {
        var issued = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/players/pairing-codes");
        using var paired = await client.PostAsJsonAsync(
            "/v1/players/pair", new { code = issued.GetProperty("code").GetString(), deviceId = $"screen-{Guid.NewGuid():N}" });
        Assert.Equal(HttpStatusCode.Created, paired.StatusCode);
        var credential = await EnvelopeJson.DataOfAsync(paired);
        return (credential.GetProperty("accessToken").GetString()!, credential.GetProperty("playerId").GetGuid());
    }

    /// <summary>The player's state report over HTTP; the first one from a paired player takes the venue's lease.</summary>
    public static async Task<JsonElement> ReportAsync(HttpClient client, string playerToken, string slug, string status, Guid? itemId)
    {
        using var response = await ApiUser.SendAsync(client, HttpMethod.Post, $"/v1/venues/{slug}/player/state", playerToken, new
        {
            status,
            itemId,
            positionSeconds = 3.5,
            volume = 80,
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"report {status}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await EnvelopeJson.DataOfAsync(response);
    }

    /// <summary>A venue whose queue takes many songs from one guest, for tests that make lots of events.</summary>
    public static Task<JsonElement> AllowManyRequestsAsync(ApiUser host, string slug) =>
        host.SetSettingsAsync(slug, new { queueLimit = 1000, maxPendingPerPatron = 1000, noRepeatMinutes = 0 });
}
