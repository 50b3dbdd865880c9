using System.Net;
using System.Text.Json;

namespace Singr.Api.Tests;

/// <summary>
/// A player that lost the server kept playing its own copy of the queue; back online it sends a queue snapshot
/// (<c>player:queue_snapshot</c>, over the hub or HTTP) and the venue takes its word for what played, once.
/// </summary>
public sealed class OfflinePlayerTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task Songs_played_offline_are_charged_once_skipped_ones_not_at_all_and_a_request_made_meanwhile_stays_queued()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { mode = "PAID", costPerSong = 1, chargeAt = "ON_PLAY", maxPendingPerPatron = 10 });
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        await app.GrantCreditsAsync(patron.UserId, 10);
        var (player, _) = await VenueActions.PairAsync(app.Client, owner, slug);
        var first = await RequestAsync(patron, slug);
        var second = await RequestAsync(patron, slug);
        var third = await RequestAsync(patron, slug);
        var fence = (await VenueActions.ReportAsync(app.Client, player, slug, "playing", first)).GetProperty("fence").GetInt64();

        // The player loses the server: it plays the first song out, skips the second unheard and starts the third.
        var askedMeanwhile = await RequestAsync(patron, slug);
        var snapshot = new
        {
            state = new { status = "playing", itemId = third, positionSeconds = 20, volume = 75, fence },
            played = new object[]
            {
                new { key = "rec-first", itemId = first, outcome = "played", heard = true, startedAt = DateTimeOffset.UtcNow.AddMinutes(-4), endedAt = DateTimeOffset.UtcNow.AddMinutes(-1) },
                new { key = "rec-second", itemId = second, outcome = "skipped", heard = false, endedAt = DateTimeOffset.UtcNow.AddSeconds(-50) },
            },
        };
        using var reconciled = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/player/queue-snapshot", player, snapshot);
        var reply = await EnvelopeJson.DataOfAsync(reconciled);
        using var resent = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/player/queue-snapshot", player, snapshot);
        var resentReply = await EnvelopeJson.DataOfAsync(resent);
        var queue = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/queue");
        var credits = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");
        var ledger = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits/transactions");
        var venueId = await app.Database.ScalarAsync<Guid>("SELECT id FROM venues WHERE slug = $1", slug);

        Assert.Equal(["rec-first", "rec-second"], Strings(reply.GetProperty("applied")));
        Assert.Equal(third, reply.GetProperty("report").GetProperty("nowPlaying").GetProperty("id").GetGuid());
        Assert.Empty(Strings(resentReply.GetProperty("applied")));
        Assert.Equal(["rec-first", "rec-second"], Strings(resentReply.GetProperty("alreadyKnown")));
        Assert.Equal(("played", "skipped", "playing"), (await StatusAsync(owner, first), await StatusAsync(owner, second), await StatusAsync(owner, third)));
        Assert.Equal(third, queue.GetProperty("nowPlaying").GetProperty("id").GetGuid());
        Assert.Equal([askedMeanwhile], queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        // Spent: the first (heard before the outage) and the third (playing now); the second's credit went back.
        Assert.Equal((8, 1), (credits.GetProperty("balance").GetInt32(), credits.GetProperty("held").GetInt32()));
        Assert.Equal(2, ledger.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("type").GetString() == "SPENT"));
        Assert.Equal(1L, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE venue_id = $1 AND action = 'player.queue_snapshot'", venueId));
    }

    [Fact]
    public async Task Over_the_hub_the_room_hears_queue_reconcile_and_a_song_added_at_the_player_offline_joins_the_queue_once()
    {
        var (slug, playerToken, guest, first) = await VenueWithAPlayerAndASongAsync();
        await using var player = await JoinedAsync(slug, playerToken);
        await using var kiosk = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, guest);
        (await kiosk.InvokeAsync("JoinVenue", slug, null)).Ok("kiosk JoinVenue");
        var fence = (await player.InvokeAsync("ReportState", slug, new { status = "playing", itemId = first, positionSeconds = 1, volume = 80 }))
            .Ok("ReportState").GetProperty("fence").GetInt64();
        var localId = Guid.NewGuid();
        var snapshot = new
        {
            state = new { status = "idle", positionSeconds = 0, volume = 80, fence },
            played = new[] { new { key = "k1", itemId = first, outcome = "played", heard = true, endedAt = DateTimeOffset.UtcNow } },
            added = new[] { new { localId, kind = "jukebox", title = "Added At The Screen", youtubeId = "dQw4w9WgXcQ", duration = 200 } },
        };

        var reply = (await player.InvokeAsync("player:queue_snapshot", slug, snapshot)).Ok("player:queue_snapshot");
        var again = (await player.InvokeAsync("player:queue_snapshot", slug, snapshot)).Ok("player:queue_snapshot again");
        var heard = await kiosk.WaitForAsync("queue:reconcile");
        var queue = await VenueActions.QueueAsync(app.Client, guest, slug);

        var added = reply.GetProperty("added")[0].GetProperty("itemId").GetGuid();
        Assert.Equal(added, again.GetProperty("added")[0].GetProperty("itemId").GetGuid());
        Assert.Equal(("played", first), (heard.Payload.GetProperty("ended")[0].GetProperty("status").GetString(), heard.Payload.GetProperty("ended")[0].GetProperty("itemId").GetGuid()));
        Assert.Equal([added], heard.Payload.GetProperty("added").EnumerateArray().Select(i => i.GetGuid()));
        Assert.Equal(["Added At The Screen"], queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.Single(kiosk.Events, e => e.Target == "queue:reconcile");
    }

    [Fact]
    public async Task A_bad_snapshot_is_refused_by_field_over_http_and_the_hub_alike_and_changes_nothing()
    {
        var (slug, playerToken, guest, first) = await VenueWithAPlayerAndASongAsync();
        await using var player = await JoinedAsync(slug, playerToken);
        var bad = new
        {
            state = new { status = "idle", positionSeconds = 0, volume = 80 },
            played = new[] { new { key = "has spaces", itemId = first, outcome = "loved", heard = true, endedAt = DateTimeOffset.UtcNow } },
        };

        using var overHttp = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/player/queue-snapshot", playerToken, bad);
        var overHub = await player.InvokeAsync("player:queue_snapshot", slug, bad);
        var error = await EnvelopeJson.ErrorOfAsync(overHttp);
        var queue = await VenueActions.QueueAsync(app.Client, guest, slug);

        Assert.Equal(HttpStatusCode.BadRequest, overHttp.StatusCode);
        Assert.Equal(["played[0].key", "played[0].outcome"], error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()));
        Assert.StartsWith("VALIDATION_ERROR", overHub.Error?.Split("HubException: ").Last(), StringComparison.Ordinal);
        Assert.Contains("played[0].outcome", overHub.Error, StringComparison.Ordinal);
        Assert.Equal([first], queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    /// <summary>A new venue with a paired player and one guest's song queued.</summary>
    private async Task<(string Slug, string PlayerToken, string Guest, Guid First)> VenueWithAPlayerAndASongAsync()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var (playerToken, _) = await VenueActions.PairAsync(app.Client, owner, slug);
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        return (slug, playerToken, guest, await VenueActions.RequestAsync(app.Client, guest, slug, "First Song"));
    }

    private async Task<HubClient> JoinedAsync(string slug, string playerToken)
    {
        var player = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, playerToken);
        (await player.InvokeAsync("JoinVenue", slug, null)).Ok("player JoinVenue");
        return player;
    }

    private static async Task<Guid> RequestAsync(ApiUser patron, string slug) =>
        (await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song())).GetProperty("item").GetProperty("id").GetGuid();

    private static async Task<string?> StatusAsync(ApiUser owner, Guid requestId) =>
        (await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/customer/requests/{requestId}")).GetProperty("status").GetString();

    private static List<string?> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString())];
}
