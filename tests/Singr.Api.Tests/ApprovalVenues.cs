using System.Net;

namespace Singr.Api.Tests;

/// <summary>Venues that approve requests, and requests that wait there for a host's answer: what the approval tests share.</summary>
internal static class ApprovalVenues
{
    /// <summary>A new organisation's venue that approves requests and takes plenty from one patron.</summary>
    public static async Task<(ApiUser Owner, Guid CustomerId, string Slug)> CreateAsync(HttpClient client)
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { approvalRequired = true, maxPendingPerPatron = 50, queueLimit = 100, noRepeatMinutes = 0 });
        return (owner, customerId, slug);
    }

    /// <summary>Requests a song with the token; in a venue that approves requests it is created pending.</summary>
    public static async Task<Guid> RequestAsync(HttpClient client, string token, string slug, string? title = null)
    {
        using var response = await ApiUser.SendAsync(client, HttpMethod.Post, $"/v1/venues/{slug}/queue", token, ApiUser.Song(title));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"request at {slug}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var item = (await EnvelopeJson.DataOfAsync(response)).GetProperty("item");
        Assert.Equal("pending", item.GetProperty("status").GetString());
        return item.GetProperty("id").GetGuid();
    }
}
