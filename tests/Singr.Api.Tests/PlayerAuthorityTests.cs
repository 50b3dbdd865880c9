using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Singr.Api.Tests;

/// <summary>
/// The venue's player is the authority on what plays: the server takes its reports, keeps one device as the lease
/// holder, shows it offline when its reports stop, and hands host commands to it with its next report.
/// </summary>
public sealed class PlayerAuthorityTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task The_player_reporting_another_item_makes_it_now_playing_and_the_rest_of_the_queue_is_renumbered()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var (player, _) = await PairAsync(owner, slug);
        var ann = await GuestAsync(slug);
        var bob = await GuestAsync(slug);
        var first = await RequestAsync(ann, slug, "First Song");
        var second = await RequestAsync(bob, slug, "Second Song");
        var third = await RequestAsync(ann, slug, "Third Song");
        var fourth = await RequestAsync(bob, slug, "Fourth Song");

        // The server expected nothing to play yet; the player says the second request is playing.
        var jumped = await ReportOkAsync(player, slug, "playing", second);
        var afterJump = await QueueAsync(ann, slug);

        Assert.Contains("NOW_PLAYING_CHANGED", Corrections(jumped));
        Assert.Equal(second, jumped.GetProperty("nowPlaying").GetProperty("id").GetGuid());
        Assert.Equal(second, afterJump.GetProperty("nowPlaying").GetProperty("id").GetGuid());
        Assert.Equal("playing", afterJump.GetProperty("nowPlaying").GetProperty("status").GetString());
        Assert.Equal([(first, 1), (third, 2), (fourth, 3)], Queued(afterJump));

        // It moves on to the first request: the second one has ended and is gone from the queue's view.
        var movedOn = await ReportOkAsync(player, slug, "playing", first);
        var afterMove = await QueueAsync(ann, slug);

        Assert.Contains("NOW_PLAYING_CHANGED", Corrections(movedOn));
        Assert.Equal(first, afterMove.GetProperty("nowPlaying").GetProperty("id").GetGuid());
        Assert.Equal([(third, 1), (fourth, 2)], Queued(afterMove));
        Assert.DoesNotContain(second, Queued(afterMove).Select(i => i.Id));

        // Nothing loaded any more: nothing plays, and the queue waits as it was.
        var idle = await ReportOkAsync(player, slug, "idle", null);
        var afterIdle = await QueueAsync(ann, slug);

        Assert.Contains("NOW_PLAYING_ENDED", Corrections(idle));
        Assert.Equal(JsonValueKind.Null, idle.GetProperty("nowPlaying").ValueKind);
        Assert.Equal(JsonValueKind.Null, afterIdle.GetProperty("nowPlaying").ValueKind);
        Assert.Equal([(third, 1), (fourth, 2)], Queued(afterIdle));
        Assert.Equal("online", afterIdle.GetProperty("playerStatus").GetString());
    }

    [Fact]
    public async Task Only_the_lease_holder_may_report_until_the_owner_hands_the_lease_to_a_standby_device()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var (main, _) = await PairAsync(owner, slug);
        var (standby, standbyId) = await PairAsync(owner, slug);
        var guest = await GuestAsync(slug);
        var song = await RequestAsync(guest, slug, "Standby Song");

        var mainFence = (await ReportOkAsync(main, slug, "idle", null)).GetProperty("fence").GetInt64();
        using var standbyRefused = await ReportAsync(standby, slug, "playing", song);
        var whileMainHolds = await QueueAsync(guest, slug);

        await ExpectRefusedAsync(standbyRefused, HttpStatusCode.Conflict, "PLAYER_NOT_ACTIVE");
        Assert.Equal(JsonValueKind.Null, whileMainHolds.GetProperty("nowPlaying").ValueKind);
        Assert.Equal([(song, 1)], Queued(whileMainHolds));

        var handedOver = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/venues/{slug}/player/lease", new { playerId = standbyId });
        var standbyFence = handedOver.GetProperty("fence").GetInt64();

        Assert.Equal(standbyId, handedOver.GetProperty("leaseHolder").GetGuid());
        Assert.True(standbyFence > mainFence, $"the fence must move on with the lease ({mainFence} → {standbyFence})");

        var accepted = await ReportOkAsync(standby, slug, "playing", song, standbyFence);
        using var mainWithOldFence = await ReportAsync(main, slug, "idle", null, mainFence);
        using var mainWithoutFence = await ReportAsync(main, slug, "idle", null);
        using var standbyWithOldFence = await ReportAsync(standby, slug, "idle", null, mainFence);
        var afterRefusals = await QueueAsync(guest, slug);
        var mirror = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/player");

        Assert.Equal(song, accepted.GetProperty("nowPlaying").GetProperty("id").GetGuid());
        Assert.Equal(standbyFence, accepted.GetProperty("fence").GetInt64());
        await ExpectRefusedAsync(mainWithOldFence, HttpStatusCode.Conflict, "PLAYER_NOT_ACTIVE");
        await ExpectRefusedAsync(mainWithoutFence, HttpStatusCode.Conflict, "PLAYER_NOT_ACTIVE");
        await ExpectRefusedAsync(standbyWithOldFence, HttpStatusCode.Conflict, "PLAYER_NOT_ACTIVE");

        // The refused "idle" reports did not stop the song the lease holder plays.
        Assert.Equal(song, afterRefusals.GetProperty("nowPlaying").GetProperty("id").GetGuid());
        Assert.Equal(standbyId, mirror.GetProperty("leaseHolder").GetGuid());
        Assert.Equal("playing", mirror.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_player_whose_reports_stop_for_more_than_90_seconds_shows_offline_until_it_reports_again()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var (player, _) = await PairAsync(owner, slug);
        var guest = await GuestAsync(slug);
        var song = await RequestAsync(guest, slug, "Long Song");
        var playerPath = $"/v1/venues/{slug}/player";

        await ReportOkAsync(player, slug, "playing", song);
        var justReported = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, playerPath);
        JsonElement aLittleLater;
        JsonElement silent;
        JsonElement silentQueue;
        try
        {
            app.Clock.Offset = TimeSpan.FromSeconds(80);
            aLittleLater = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, playerPath);
            app.Clock.Offset = TimeSpan.FromSeconds(91);
            silent = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, playerPath);
            silentQueue = await QueueAsync(guest, slug);
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        var reportedAgain = await ReportOkAsync(player, slug, "playing", song);
        var back = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, playerPath);
        await ReportOkAsync(player, slug, "idle", null);
        var idle = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, playerPath);

        Assert.Equal("playing", justReported.GetProperty("status").GetString());
        Assert.Equal(song, justReported.GetProperty("nowPlaying").GetProperty("id").GetGuid());
        Assert.Equal("playing", aLittleLater.GetProperty("status").GetString());
        Assert.Equal("offline", silent.GetProperty("status").GetString());
        Assert.Equal("offline", silentQueue.GetProperty("playerStatus").GetString());
        Assert.Equal("playing", reportedAgain.GetProperty("venueStatus").GetString());
        Assert.Equal("playing", back.GetProperty("status").GetString());
        Assert.Equal("online", idle.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_player_whose_reports_stop_is_announced_offline_to_the_room_without_anyone_asking_and_back_when_it_reports()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var (player, _) = await PairAsync(owner, slug);
        var guest = await GuestAsync(slug);
        var song = await RequestAsync(guest, slug, "Silent Night");
        await using var room = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, guest);
        (await room.InvokeAsync("JoinVenue", slug, null)).Ok("JoinVenue");
        await ReportOkAsync(player, slug, "playing", song);
        var playing = await room.WaitForAsync("playerStateUpdate", p => p.GetProperty("status").GetString() == "playing");

        HubEvent offline;
        try
        {
            // Nobody calls the venue: its own housekeeping (every 10 s) notices the silence.
            app.Clock.Offset = TimeSpan.FromSeconds(91);
            offline = await room.WaitForAsync("playerStateUpdate", p => p.GetProperty("status").GetString() == "offline", TimeSpan.FromSeconds(25));
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        await ReportOkAsync(player, slug, "playing", song);
        var back = await room.WaitForAsync("playerStateUpdate", p => p.GetProperty("status").GetString() == "playing" && p.GetProperty("seq").GetInt64() > offline.Seq);

        Assert.True(offline.Seq > playing.Seq);
        Assert.Equal(song, offline.Payload.GetProperty("nowPlaying").GetProperty("id").GetGuid());
        Assert.Single(room.Events, e => e.Target == "playerStateUpdate" && e.Payload.GetProperty("status").GetString() == "offline");
        Assert.True(back.Seq > offline.Seq);
    }

    [Fact]
    public async Task Host_commands_reach_the_player_with_its_next_report_in_order_until_it_acknowledges_them()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var (player, _) = await PairAsync(owner, slug);
        var commandsPath = $"/v1/venues/{slug}/player/commands";

        var beforeAny = await ReportOkAsync(player, slug, "idle", null);
        var pause = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, commandsPath, new { command = "pause" });
        var volume = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, commandsPath, new { command = "volume", value = 40 });
        var pauseSeq = pause.GetProperty("seq").GetInt64();
        var volumeSeq = volume.GetProperty("seq").GetInt64();

        var pending = await ReportOkAsync(player, slug, "idle", null, lastCommandSeq: 0);
        var afterPause = await ReportOkAsync(player, slug, "idle", null, lastCommandSeq: pauseSeq);
        var acknowledged = await ReportOkAsync(player, slug, "idle", null, lastCommandSeq: volumeSeq);
        var mirror = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/player");

        Assert.Empty(beforeAny.GetProperty("commands").EnumerateArray());
        Assert.True(volumeSeq > pauseSeq, $"a later command must have a higher seq ({pauseSeq}, {volumeSeq})");
        var delivered = pending.GetProperty("commands").EnumerateArray().ToList();
        Assert.Equal(["pause", "volume"], delivered.Select(c => c.GetProperty("command").GetString()).ToList());
        Assert.Equal([pauseSeq, volumeSeq], delivered.Select(c => c.GetProperty("seq").GetInt64()).ToList());
        Assert.Equal(40, delivered[1].GetProperty("value").GetDouble());
        Assert.Equal([volumeSeq], afterPause.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("seq").GetInt64()).ToList());
        Assert.Empty(acknowledged.GetProperty("commands").EnumerateArray());
        Assert.Equal(volumeSeq, mirror.GetProperty("lastCommandSeq").GetInt64());

        // Invalid commands are refused by field, and none of them reaches the player.
        (object Body, string Field)[] invalid =
        [
            (new { command = "dance" }, "command"),
            (new { command = "volume", value = 101 }, "value"),
            (new { command = "volume" }, "value"),
            (new { command = "seek", value = -5 }, "value"),
            (new { command = "quality", value = "4k" }, "value"),
            (new { command = "quality", value = 720 }, "value"),
            (new { command = "volume", value = "loud" }, "value"),
        ];
        foreach (var (body, field) in invalid)
        {
            using var response = await owner.SendAsync(HttpMethod.Post, commandsPath, body);
            var error = await EnvelopeJson.ErrorOfAsync(response);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal([field], error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList());
        }

        var afterInvalid = await ReportOkAsync(player, slug, "idle", null, lastCommandSeq: volumeSeq);
        Assert.Empty(afterInvalid.GetProperty("commands").EnumerateArray());

        // Stop and a quality level reach the player like the rest; the quality is a name, not a number.
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, commandsPath, new { command = "stop" });
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, commandsPath, new { command = "quality", value = "hd1080" });
        var latest = (await ReportOkAsync(player, slug, "idle", null, lastCommandSeq: volumeSeq)).GetProperty("commands").EnumerateArray().ToList();
        Assert.Equal(["stop", "quality"], latest.Select(c => c.GetProperty("command").GetString()).ToList());
        Assert.Equal("hd1080", latest[1].GetProperty("quality").GetString());
    }

    [Fact]
    public async Task Only_a_player_paired_with_the_venue_may_report_its_state()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var otherSlug = await owner.CreateVenueAsync();
        var (player, _) = await PairAsync(owner, slug);
        var guest = await GuestAsync(slug);
        var song = await RequestAsync(guest, slug, "Guarded Song");

        using var atOtherVenue = await ReportAsync(player, otherSlug, "idle", null);
        using var byGuest = await ReportAsync(guest, slug, "playing", song);
        using var byOwner = await ReportAsync(owner.Token, slug, "playing", song);
        var queue = await QueueAsync(guest, slug);
        var mirror = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/player");
        var otherMirror = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{otherSlug}/player");

        await ExpectRefusedAsync(atOtherVenue, HttpStatusCode.Forbidden, "VENUE_MISMATCH");
        await ExpectRefusedAsync(byGuest, HttpStatusCode.Forbidden, "PLAYER_REQUIRED");
        await ExpectRefusedAsync(byOwner, HttpStatusCode.Forbidden, "PLAYER_REQUIRED");
        Assert.Equal(JsonValueKind.Null, queue.GetProperty("nowPlaying").ValueKind);
        Assert.Equal([(song, 1)], Queued(queue));
        foreach (var untouched in new[] { mirror, otherMirror })
        {
            Assert.Equal(JsonValueKind.Null, untouched.GetProperty("leaseHolder").ValueKind);
            Assert.Equal("offline", untouched.GetProperty("status").GetString());
        }
    }

    private static IReadOnlyList<string?> Corrections(JsonElement reply) =>
        [.. reply.GetProperty("corrections").EnumerateArray().Select(c => c.GetString())];

    private static List<(Guid Id, int Position)> Queued(JsonElement queue) =>
        [.. queue.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("position").GetInt32()))];

    private static async Task ExpectRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(code, (await EnvelopeJson.ErrorOfAsync(response)).GetProperty("code").GetString());
    }

    /// <summary>Pairs a new device with the venue: its player token and player id.</summary>
    private async Task<(string Token, Guid PlayerId)> PairAsync(ApiUser host, string slug)
    {
        var issued = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/players/pairing-codes");
        using var paired = await app.Client.PostAsJsonAsync(
            "/v1/players/pair", new { code = issued.GetProperty("code").GetString(), deviceId = $"screen-{Guid.NewGuid():N}" });
        Assert.Equal(HttpStatusCode.Created, paired.StatusCode);
        var credential = await EnvelopeJson.DataOfAsync(paired);
        return (credential.GetProperty("accessToken").GetString()!, credential.GetProperty("playerId").GetGuid());
    }

    /// <summary>A guest session on a new kiosk at the venue: its token.</summary>
    private async Task<string> GuestAsync(string slug)
    {
        using var response = await app.Client.PostAsJsonAsync("/v1/auth/guest", new { venueId = slug, deviceId = $"kiosk-{Guid.NewGuid():N}" });
        return (await EnvelopeJson.DataOfAsync(response)).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Requests a jukebox song (a new video each time) and returns the queue item's id.</summary>
    private async Task<Guid> RequestAsync(string guestToken, string slug, string title)
    {
        var song = new { kind = "jukebox", youtubeId = Guid.NewGuid().ToString("N")[..11], title, artist = "The Testers", duration = 215 };
        using var response = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/queue", guestToken, song);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await EnvelopeJson.DataOfAsync(response)).GetProperty("item").GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> QueueAsync(string token, string slug)
    {
        using var response = await ApiUser.SendAsync(app.Client, HttpMethod.Get, $"/v1/venues/{slug}/queue", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await EnvelopeJson.DataOfAsync(response);
    }

    private Task<HttpResponseMessage> ReportAsync(string token, string slug, string status, Guid? itemId, long? fence = null, long? lastCommandSeq = null) =>
        ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/player/state", token, new
        {
            status,
            itemId,
            positionSeconds = 12.5,
            volume = 80,
            fence,
            lastCommandSeq,
        });

    private async Task<JsonElement> ReportOkAsync(string token, string slug, string status, Guid? itemId, long? fence = null, long? lastCommandSeq = null)
    {
        using var response = await ReportAsync(token, slug, status, itemId, fence, lastCommandSeq);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"report {status}: {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await EnvelopeJson.DataOfAsync(response);
    }
}
