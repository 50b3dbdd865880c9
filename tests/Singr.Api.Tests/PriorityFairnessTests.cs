using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Singr.Api.Tests;

/// <summary>
/// HYBRID fairness as a patron sees it: the venue setting says at most <c>maxPriorityInARow</c> priority songs
/// <em>play</em> in a row, so the song playing now counts too.
/// </summary>
public sealed class PriorityFairnessTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task With_one_priority_song_in_a_row_a_new_priority_request_waits_behind_a_free_one_while_a_priority_song_plays()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{slug}/settings", new { mode = "HYBRID", maxPriorityInARow = 1 });
        var player = await PairAsync(owner, slug);

        // The host requests on patrons' behalf (free of charge, priority kept): Ann's free song, then Bob's priority one.
        var free = await RequestAsync(owner, slug, "Ann", priority: false);
        var firstPriority = await RequestAsync(owner, slug, "Bob", priority: true);
        var before = await QueueAsync(owner, slug);

        Assert.Equal([firstPriority, free], Queued(before));

        // Bob's priority song starts; Cid pays for priority while it plays.
        using var report = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/player/state", player,
            new { status = "playing", itemId = firstPriority, positionSeconds = 3, volume = 80 });
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var secondPriority = await RequestAsync(owner, slug, "Cid", priority: true);
        var after = await QueueAsync(owner, slug);

        Assert.Equal(firstPriority, after.GetProperty("nowPlaying").GetProperty("id").GetGuid());
        Assert.True(
            Queued(after).SequenceEqual([free, secondPriority]),
            $"with at most 1 priority song in a row, Ann's free song must play before Cid's priority one while Bob's plays; the queue is {string.Join(", ", after.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()))}");
    }

    private static List<Guid> Queued(JsonElement queue) => [.. queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    private static async Task<Guid> RequestAsync(ApiUser host, string slug, string patron, bool priority)
    {
        var song = new
        {
            kind = "jukebox",
            youtubeId = Guid.NewGuid().ToString("N")[..11],
            title = $"{patron}'s song",
            artist = "The Testers",
            duration = 180,
            priority,
            onBehalfOf = patron,
        };
        var accepted = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", song);
        Assert.Equal(priority, accepted.GetProperty("item").GetProperty("priority").GetBoolean());
        return accepted.GetProperty("item").GetProperty("id").GetGuid();
    }

    private static Task<JsonElement> QueueAsync(ApiUser host, string slug) => host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/queue");

    private async Task<string> PairAsync(ApiUser host, string slug)
    {
        var issued = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/players/pairing-codes");
        using var paired = await app.Client.PostAsJsonAsync(
            "/v1/players/pair", new { code = issued.GetProperty("code").GetString(), deviceId = $"screen-{Guid.NewGuid():N}" });
        return (await EnvelopeJson.DataOfAsync(paired)).GetProperty("accessToken").GetString()!;
    }
}
