using System.Net;
using System.Text.Json;
using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>
/// The venue room (<c>/hubs/venue</c>) as kiosks, phones, host dashboards and the player see it: who may join, the
/// numbered events of every change, catching up after a dropped connection, and commands only the player hears.
/// </summary>
public sealed class VenueHubTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>The venue stream's events, numbered by the venue (per-patron extras such as initial_data are not).</summary>
    /// <summary>What a venue's stream sends a connection; a patron's own <c>request:update</c> (up next, a host's answer) included.</summary>
    private static readonly HashSet<string> StreamEvents =
        ["venueState", "queue:insert", "queue:update", "queue:reorder", "playerStateUpdate", "playerCommand", "request:update"];

    [Fact]
    public async Task Every_kind_of_change_reaches_a_joined_guest_as_its_event_numbered_one_after_another()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var (player, _) = await VenueActions.PairAsync(app.Client, owner, slug);
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        await using var kiosk = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, guest);
        var joined = (await kiosk.InvokeAsync("JoinVenue", slug, null)).Ok("JoinVenue");
        var snapshot = await kiosk.WaitForAsync("venueState");

        var first = await VenueActions.RequestAsync(app.Client, guest, slug, "First Song");
        var second = await VenueActions.RequestAsync(app.Client, guest, slug, "Second Song");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/venues/{slug}/queue/reorder", new
        {
            items = new[] { new { id = second, position = 1 }, new { id = first, position = 2 } },
        });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{slug}/queue/{first}", new { status = "skipped" });
        await VenueActions.ReportAsync(app.Client, player, slug, "playing", second);
        await owner.SetSettingsAsync(slug, new { requestsOpen = false });
        await kiosk.UntilAsync(events => events.Any(e => e.Target == "venueState" && e.Payload.GetProperty("requestsOpen").GetBoolean() is false), Wait, "the closing venueState");

        Assert.Equal(slug, joined.GetProperty("venueId").GetString());
        Assert.False(joined.GetProperty("resumed").GetBoolean());
        Assert.Equal(joined.GetProperty("seq").GetInt64(), snapshot.Seq);
        var events = Stream(kiosk).SkipWhile(e => e != snapshot).Skip(1).ToList();
        AssertNumberedFrom(snapshot.Seq!.Value + 1, events);
        Assert.All(events, e => Assert.Equal(slug, e.Payload.GetProperty("venueId").GetString()));

        var inserts = events.Where(e => e.Target == "queue:insert").Select(e => Text(e.Payload, "item", "title")).ToList();
        Assert.Equal(["First Song", "Second Song"], inserts);
        var reorder = Assert.Single(events, e => e.Target == "queue:reorder");
        Assert.Equal(
            [(second, 1), (first, 2)],
            reorder.Payload.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("position").GetInt32())).ToList());
        Assert.Contains(events, e => e.Target == "queue:update" && Id(e.Payload) == first && Text(e.Payload, "item", "status") == "skipped");
        Assert.Contains(events, e => e.Target == "queue:update" && Id(e.Payload) == second && Text(e.Payload, "item", "status") == "playing");
        Assert.Contains(events, e => e.Target == "playerStateUpdate" && Text(e.Payload, "status") == "playing"
            && e.Payload.GetProperty("nowPlaying").GetProperty("id").GetGuid() == second);

        // The order of what happened is the order of the events.
        var order = events.Select(e => e.Target).Distinct().ToList();
        Assert.True(order.IndexOf("queue:insert") < order.IndexOf("queue:reorder") && order.IndexOf("queue:reorder") < order.IndexOf("queue:update"), string.Join(", ", order));
        Assert.Equal("venueState", events[^1].Target);
    }

    [Fact]
    public async Task The_patron_whose_song_has_two_ahead_of_it_is_told_to_get_ready_once_and_nobody_else_hears_it()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var (ann, cat) = (await ApiUser.GuestTokenAsync(app.Client, slug), await ApiUser.GuestTokenAsync(app.Client, slug));
        await using var annsPhone = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, ann);
        await using var catsPhone = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, cat);
        await using var dashboard = await HubConnections.ConnectAsync(app.Factory, HubConnections.CustomerHub, owner.Token);
        (await annsPhone.InvokeAsync("JoinVenue", slug, null)).Ok("Ann joins");
        (await catsPhone.InvokeAsync("JoinVenue", slug, null)).Ok("Cat joins");
        await VenueActions.RequestAsync(app.Client, ann, slug, "Ann One");
        await VenueActions.RequestAsync(app.Client, ann, slug, "Ann Two");

        var catsSong = await VenueActions.RequestAsync(app.Client, cat, slug, "Cat One");
        var told = await catsPhone.WaitForAsync("request:update", p => Text(p, "action") == "up_next");
        await VenueActions.RequestAsync(app.Client, ann, slug, "Ann Three");
        await annsPhone.WaitForAsync("queue:insert", p => Text(p, "item", "title") == "Ann Three");
        await catsPhone.WaitForAsync("queue:insert", p => Text(p, "item", "title") == "Ann Three");
        await dashboard.WaitForAsync("request:new", p => Text(p, "request", "title") == "Ann Three");

        Assert.Equal(catsSong, told.Payload.GetProperty("request").GetProperty("id").GetGuid());
        Assert.Single(catsPhone.Events, e => e.Target == "request:update" && Text(e.Payload, "action") == "up_next");
        Assert.DoesNotContain(annsPhone.Events, e => e.Target == "request:update");
        Assert.DoesNotContain(dashboard.Events, e => e.Target == "request:update" && Text(e.Payload, "action") == "up_next");
    }

    [Fact]
    public async Task A_client_joining_without_a_sequence_number_first_gets_the_venue_as_it_is_now()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var first = await VenueActions.RequestAsync(app.Client, guest, slug, "Already Queued 1");
        var second = await VenueActions.RequestAsync(app.Client, guest, slug, "Already Queued 2");
        await using var phone = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, guest);

        var joined = (await phone.InvokeAsync("JoinVenue", slug, null)).Ok("JoinVenue");
        await phone.WaitForAsync("venueState");
        var third = await VenueActions.RequestAsync(app.Client, guest, slug, "Queued Later");
        await phone.WaitForAsync("queue:insert", p => Id(p) == third);

        var state = Stream(phone)[0];
        Assert.Equal("venueState", state.Target);
        Assert.Equal(joined.GetProperty("seq").GetInt64(), state.Seq);
        Assert.Equal(slug, state.Payload.GetProperty("venueId").GetString());
        Assert.True(state.Payload.GetProperty("requestsOpen").GetBoolean());
        Assert.Equal(
            [(first, 1, "Already Queued 1"), (second, 2, "Already Queued 2")],
            state.Payload.GetProperty("items").EnumerateArray()
                .Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("position").GetInt32(), i.GetProperty("title").GetString()))
                .ToList());
        Assert.Equal(JsonValueKind.Null, state.Payload.GetProperty("nowPlaying").ValueKind);
        AssertNumberedFrom(state.Seq!.Value + 1, Stream(phone).Skip(1).ToList());
    }

    [Fact]
    public async Task Who_may_join_a_venue_room()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var (otherOwner, _) = await ApiUser.RegisterOwnerAsync(app.Client, "rival");
        var otherSlug = await otherOwner.CreateVenueAsync();
        var guestElsewhere = await ApiUser.GuestTokenAsync(app.Client, otherSlug);
        var (playerElsewhere, _) = await VenueActions.PairAsync(app.Client, otherOwner, otherSlug);
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");

        await using var otherGuest = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, guestElsewhere);
        await using var otherPlayer = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, playerElsewhere);
        await using var signedIn = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, patron.Token);
        await using var rivalHost = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, otherOwner.Token);
        var guestAtOther = await otherGuest.InvokeAsync("JoinVenue", slug, null);
        var playerAtOther = await otherPlayer.InvokeAsync("JoinVenue", slug, null);
        var unknown = await signedIn.InvokeAsync("JoinVenue", $"no-such-{Guid.NewGuid():N}"[..20], null);
        var patronJoins = await signedIn.InvokeAsync("JoinVenue", slug, null);
        var rivalJoins = await rivalHost.InvokeAsync("JoinVenue", slug, null);
        var guestAtOwn = await otherGuest.InvokeAsync("JoinVenue", otherSlug, null);

        Assert.Equal(slug, patronJoins.Ok("a signed-in patron joining").GetProperty("venueId").GetString());
        Assert.Equal(slug, rivalJoins.Ok("another organisation's host joining").GetProperty("venueId").GetString());
        Assert.Equal(otherSlug, guestAtOwn.Ok("a guest joining its own venue").GetProperty("venueId").GetString());

        // A refused join puts nothing of that venue on the connection.
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var song = await VenueActions.RequestAsync(app.Client, guest, slug, "Members Only");
        await signedIn.WaitForAsync("queue:insert", p => Id(p) == song);
        Assert.DoesNotContain(otherPlayer.Events, e => Text(e.Payload, "venueId") == slug);
        Assert.DoesNotContain(otherGuest.Events, e => Text(e.Payload, "venueId") == slug);

        // Refusals say why with the API's error code first, so a client can act on it.
        AssertRefused(guestAtOther, "VENUE_MISMATCH");
        AssertRefused(playerAtOther, "VENUE_MISMATCH");
        AssertRefused(unknown, "VENUE_NOT_FOUND");
    }

    [Fact]
    public async Task Connecting_without_a_valid_token_is_refused_with_401()
    {
        using var negotiate = await app.Client.PostAsync(new Uri("/hubs/venue/negotiate?negotiateVersion=1", UriKind.Relative), null);
        using var forged = await app.Client.PostAsync(new Uri("/hubs/venue/negotiate?negotiateVersion=1&access_token=not.a.token", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        foreach (var token in new string?[] { null, "not.a.token" })
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, token));
            Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_client_that_rejoins_with_its_last_sequence_number_gets_exactly_what_it_missed_then_live_events()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        long lastSeq;
        await using (var before = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, guest))
        {
            (await before.InvokeAsync("JoinVenue", slug, null)).Ok("JoinVenue");
            var seen = await VenueActions.RequestAsync(app.Client, guest, slug, "Seen Before The Tunnel");
            lastSeq = (await before.WaitForAsync("queue:insert", p => Id(p) == seen)).Seq!.Value;
        }

        // While the phone is in the tunnel: two requests, a skip and a reorder.
        var missedOne = await VenueActions.RequestAsync(app.Client, guest, slug, "Missed One");
        var missedTwo = await VenueActions.RequestAsync(app.Client, guest, slug, "Missed Two");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{slug}/queue/{missedOne}", new { status = "skipped" });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/venues/{slug}/queue/reorder", new { id = missedTwo, position = 1 });

        await using var after = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, guest);
        var rejoined = (await after.InvokeAsync("JoinVenue", slug, lastSeq)).Ok("JoinVenue with lastSeq");
        await after.UntilAsync(events => events.Any(e => e.Target == "queue:reorder"), Wait, "the missed reorder");
        var live = await VenueActions.RequestAsync(app.Client, guest, slug, "After The Tunnel");
        await after.WaitForAsync("queue:insert", p => Id(p) == live);
        await after.WaitForAsync("request:update", p => Text(p, "action") == "up_next" && Text(p, "request", "id") == live.ToString());

        Assert.True(rejoined.GetProperty("resumed").GetBoolean(), rejoined.ToString());
        var caughtUp = Stream(after);
        Assert.DoesNotContain(caughtUp, e => e.Target == "venueState");
        AssertNumberedFrom(lastSeq + 1, caughtUp);
        // Missed Two came in third, and so did the live one: this phone's own "up next" for each is in its stream.
        Assert.Equal(
            ["queue:insert", "queue:insert", "request:update", "queue:update", "queue:reorder", "queue:insert", "request:update"],
            caughtUp.Select(e => e.Target).ToList());
        Assert.Equal(
            [missedOne, missedTwo, missedOne, live],
            caughtUp.Where(e => e.Target is "queue:insert" or "queue:update").Select(e => Id(e.Payload)).ToList());
        Assert.Equal([missedTwo, live], caughtUp.Where(e => e.Target == "request:update").Select(e => e.Payload.GetProperty("request").GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Rejoining_with_sequence_number_zero_after_many_events_still_ends_with_the_venue_as_it_is()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await VenueActions.AllowManyRequestsAsync(owner, slug);
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++)
        {
            ids.Add(await VenueActions.RequestAsync(app.Client, guest, slug, $"Song {i:00}"));
        }

        for (var i = 0; i < 20; i++)
        {
            await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{slug}/queue/{ids[i]}", new { status = "removed" });
        }

        var queue = await VenueActions.QueueAsync(app.Client, guest, slug);
        var current = queue.GetProperty("seq").GetInt64();
        await using var phone = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, guest);
        (await phone.InvokeAsync("JoinVenue", slug, 0L)).Ok("JoinVenue with lastSeq 0");
        await phone.UntilAsync(received => received.Any(e => e.Seq == current), Wait, $"the catch-up up to seq {current}");
        var live = await VenueActions.RequestAsync(app.Client, guest, slug, "Live Again");
        await phone.WaitForAsync("queue:insert", p => Id(p) == live);

        var expected = queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(ids.Skip(20).ToList(), expected);
        var events = Stream(phone);
        if (events[0].Target == "venueState" && events[0].Seq == current)
        {
            // Too old to replay: a fresh snapshot, then live events.
            Assert.Equal(expected, events[0].Payload.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList());
            AssertNumberedFrom(current + 1, events.Skip(1).ToList());
        }
        else
        {
            // Replayed from the start: every event, and replaying them gives the queue the server has.
            AssertNumberedFrom(1, events);
            var replayed = new List<Guid>();
            foreach (var e in events.Where(e => e.Seq <= current))
            {
                if (e.Target == "queue:insert")
                {
                    replayed.Add(Id(e.Payload));
                }
                else if (e.Target == "queue:update" && Text(e.Payload, "item", "status") != "queued")
                {
                    replayed.Remove(Id(e.Payload));
                }
            }

            Assert.Equal(expected, replayed);
        }
    }

    [Fact]
    public async Task A_guest_in_one_venue_never_hears_another_venue_and_a_host_never_hears_another_organisation()
    {
        var (ownerX, _) = await ApiUser.RegisterOwnerAsync(app.Client, "x");
        var slugX = await ownerX.CreateVenueAsync();
        var (ownerY, _) = await ApiUser.RegisterOwnerAsync(app.Client, "y");
        var slugY = await ownerY.CreateVenueAsync();
        var guestX = await ApiUser.GuestTokenAsync(app.Client, slugX);
        var guestY = await ApiUser.GuestTokenAsync(app.Client, slugY);
        await using var kioskX = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, guestX);
        await using var dashboardX = await HubConnections.ConnectAsync(app.Factory, HubConnections.CustomerHub, ownerX.Token);
        (await kioskX.InvokeAsync("JoinVenue", slugX, null)).Ok("JoinVenue");
        await dashboardX.WaitForAsync("connected");

        var atY = await VenueActions.RequestAsync(app.Client, guestY, slugY, "Only At Y");
        await ownerY.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{slugY}/queue/{atY}", new { status = "skipped" });
        await ownerY.SetSettingsAsync(slugY, new { requestsOpen = false });
        var atX = await VenueActions.RequestAsync(app.Client, guestX, slugX, "Only At X");
        await kioskX.WaitForAsync("queue:insert", p => Id(p) == atX);
        await dashboardX.WaitForAsync("request:new", p => p.GetProperty("request").GetProperty("id").GetGuid() == atX);

        Assert.All(kioskX.Events, e => Assert.Equal(slugX, Text(e.Payload, "venueId")));
        Assert.DoesNotContain(kioskX.Events, e => e.Payload.ToString().Contains(atY.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.All(dashboardX.Events.Where(e => e.Target != "connected"), e => Assert.Equal(slugX, Text(e.Payload, "venueId")));
        Assert.DoesNotContain(dashboardX.Events, e => e.Payload.ToString().Contains(atY.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_host_command_goes_only_to_the_connection_of_the_player_holding_the_lease()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var (holderToken, holderId) = await VenueActions.PairAsync(app.Client, owner, slug);
        var (standbyToken, _) = await VenueActions.PairAsync(app.Client, owner, slug);
        await VenueActions.ReportAsync(app.Client, holderToken, slug, "idle", null);
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        await using var holder = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, holderToken);
        await using var standby = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, standbyToken);
        await using var kiosk = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, guest);
        foreach (var connection in new[] { holder, standby, kiosk })
        {
            (await connection.InvokeAsync("JoinVenue", slug, null)).Ok("JoinVenue");
        }

        var pause = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/player/commands", new { command = "pause" });
        var volume = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/player/commands", new { command = "volume", value = 30 });
        var after = await VenueActions.RequestAsync(app.Client, guest, slug, "After The Commands");
        foreach (var connection in new[] { holder, standby, kiosk })
        {
            await connection.WaitForAsync("queue:insert", p => Id(p) == after);
        }

        var commands = holder.Events.Where(e => e.Target == "playerCommand").ToList();
        Assert.Equal(2, commands.Count);
        Assert.All(commands, c => Assert.Equal(holderId, c.Payload.GetProperty("holder").GetGuid()));
        Assert.Equal(
            [("pause", pause.GetProperty("seq").GetInt64()), ("volume", volume.GetProperty("seq").GetInt64())],
            commands.Select(c => (Text(c.Payload, "command", "command"), c.Payload.GetProperty("command").GetProperty("seq").GetInt64())).ToList());
        Assert.Equal(30, commands[1].Payload.GetProperty("command").GetProperty("value").GetDouble());
        var heardByHolder = Stream(holder);
        AssertNumberedFrom(heardByHolder[0].Seq!.Value, heardByHolder);

        foreach (var bystander in new[] { standby, kiosk })
        {
            var heard = Stream(bystander);
            Assert.DoesNotContain(bystander.Events, e => e.Target == "playerCommand");
            var seqs = heard.Select(e => e.Seq!.Value).ToList();
            Assert.Equal(seqs.Order().Distinct().ToList(), seqs);
            Assert.Equal(heardByHolder.Where(e => e.Target != "playerCommand").Select(e => e.Seq).ToList(), heard.Select(e => e.Seq).ToList());
        }
    }

    [Fact]
    public async Task The_lease_holder_reports_its_state_over_the_hub_and_another_player_is_told_it_is_not_active()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var (holderToken, _) = await VenueActions.PairAsync(app.Client, owner, slug);
        var (standbyToken, _) = await VenueActions.PairAsync(app.Client, owner, slug);
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var song = await VenueActions.RequestAsync(app.Client, guest, slug, "Over The Hub");
        await using var holder = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, holderToken);
        await using var standby = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, standbyToken);
        await using var kiosk = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, guest);
        foreach (var connection in new[] { holder, standby, kiosk })
        {
            (await connection.InvokeAsync("JoinVenue", slug, null)).Ok("JoinVenue");
        }

        var first = (await holder.InvokeAsync("ReportState", slug, new { status = "idle", itemId = (Guid?)null, positionSeconds = 0, volume = 80 })).Ok("ReportState idle");
        var fence = first.GetProperty("fence").GetInt64();
        var playing = (await holder.InvokeAsync("ReportState", slug, new { status = "playing", itemId = song, positionSeconds = 12.5, volume = 80, fence, lastCommandSeq = 0 }))
            .Ok("ReportState playing");
        var refused = await standby.InvokeAsync("ReportState", slug, new { status = "idle", itemId = (Guid?)null, positionSeconds = 0, volume = 80 });
        var heard = await kiosk.WaitForAsync("playerStateUpdate", p => Text(p, "status") == "playing");
        var queue = await VenueActions.QueueAsync(app.Client, guest, slug);

        Assert.Equal(fence, playing.GetProperty("fence").GetInt64());
        Assert.Equal("playing", playing.GetProperty("venueStatus").GetString());
        Assert.Equal(song, playing.GetProperty("nowPlaying").GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Array, playing.GetProperty("corrections").ValueKind);
        Assert.Empty(playing.GetProperty("commands").EnumerateArray());
        Assert.Equal(song, heard.Payload.GetProperty("nowPlaying").GetProperty("id").GetGuid());
        Assert.Equal(song, queue.GetProperty("nowPlaying").GetProperty("id").GetGuid());
        Assert.DoesNotContain(kiosk.Events, e => e.Target == "playerStateUpdate" && Text(e.Payload, "status") == "idle" && e.Seq > heard.Seq);
        AssertRefused(refused, "PLAYER_NOT_ACTIVE");
    }

    [Fact]
    public async Task A_report_with_a_volume_of_500_or_playing_without_an_item_is_refused_alike_over_the_hub_and_over_http_and_changes_nothing()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var (playerToken, _) = await VenueActions.PairAsync(app.Client, owner, slug);
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var song = await VenueActions.RequestAsync(app.Client, guest, slug, "Stays Queued");
        await using var player = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, playerToken);
        (await player.InvokeAsync("JoinVenue", slug, null)).Ok("JoinVenue");
        (await player.InvokeAsync("ReportState", slug, new { status = "idle", itemId = (Guid?)null, positionSeconds = 0, volume = 80 })).Ok("ReportState idle");
        (object Report, string Field)[] invalid =
        [
            (new { status = "idle", itemId = (Guid?)null, positionSeconds = 0, volume = 500 }, "volume"),
            (new { status = "playing", itemId = (Guid?)null, positionSeconds = 0, volume = 80 }, "itemId"),
            (new { status = "error", itemId = (Guid?)song, positionSeconds = 0, volume = 80 }, "errorCode"),
            (new { status = "playing", itemId = (Guid?)song, positionSeconds = 0, volume = 80, quality = "4k" }, "quality"),
            (new { status = "playing", itemId = (Guid?)song, positionSeconds = 0, volume = 80, playbackRate = 16 }, "playbackRate"),
        ];

        foreach (var (report, field) in invalid)
        {
            var overHub = await player.InvokeAsync("ReportState", slug, report);
            using var overHttp = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/player/state", playerToken, report);
            var httpError = await EnvelopeJson.ErrorOfAsync(overHttp);

            AssertRefused(overHub, "VALIDATION_ERROR");
            Assert.Contains($"{field}: ", overHub.Error!, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, overHttp.StatusCode);
            Assert.Equal([field], httpError.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList());
        }

        var mirror = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/player");
        var queue = await VenueActions.QueueAsync(app.Client, guest, slug);
        Assert.Equal(80, mirror.GetProperty("volume").GetInt32());
        Assert.Equal("online", mirror.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, queue.GetProperty("nowPlaying").ValueKind);
        Assert.Equal([song], queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList());
    }

    [Fact]
    public async Task A_venue_event_holds_only_what_the_room_is_sent_and_the_patrons_own_part_is_stored_beside_it()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        await VenueActions.RequestAsync(app.Client, guest, slug, "Stored Apart");
        var venueId = await app.Database.ScalarAsync<Guid>("SELECT id FROM venues WHERE slug = $1", slug);

        var stored = await app.Database.ColumnAsync<string>(
            """
            SELECT (payload ? 'patronKey')::text || '|' || (payload ? 'quota')::text || '|' || coalesce(audience, '') || '|' ||
                   coalesce((audience_payload ? 'quota')::text, '')
            FROM stream_events WHERE stream_id = $1 AND event_type = 'queue:insert'
            """,
            $"venue:{venueId:N}");

        var row = Assert.Single(stored).Split('|');
        Assert.Equal(("false", "false", "true"), (row[0], row[1], row[3]));
        Assert.StartsWith("guest:", row[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_written_before_audiences_were_stored_apart_still_reaches_its_patron_alone_with_their_part()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var patron = await ApiUser.GuestTokenAsync(app.Client, slug);
        var neighbour = await ApiUser.GuestTokenAsync(app.Client, slug);
        await VenueActions.RequestAsync(app.Client, patron, slug, "Old Shape");
        var streamId = $"venue:{await app.Database.ScalarAsync<Guid>("SELECT id FROM venues WHERE slug = $1", slug):N}";
        await using var mine = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, patron);
        await using var theirs = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, neighbour);
        (await mine.InvokeAsync("JoinVenue", slug, null)).Ok("JoinVenue");
        (await theirs.InvokeAsync("JoinVenue", slug, null)).Ok("JoinVenue");

        // The queue:insert again, as a release before migration 0009 wrote it: key and allowance inside the payload.
        var legacySeq = await app.Database.ScalarAsync<long>(
            """
            INSERT INTO stream_events (stream_id, seq, event_type, payload)
            SELECT stream_id, seq + 100, 'queue:update',
                   jsonb_set(payload, '{seq}', to_jsonb(seq + 100)) || jsonb_build_object('patronKey', audience) || audience_payload
            FROM stream_events WHERE stream_id = $1 AND event_type = 'queue:insert'
            RETURNING seq
            """,
            streamId);
        await app.Database.ExecuteAsync("SELECT pg_notify('singr_stream_events', $1)", streamId);
        var heardByNeighbour = await theirs.WaitForAsync("queue:update", p => p.GetProperty("seq").GetInt64() == legacySeq);
        var heardByPatron = await mine.WaitForAsync("request:update", p => p.GetProperty("seq").GetInt64() == legacySeq);
        var patronsPart = await mine.WaitForAsync("quota_update", p => p.GetProperty("seq").GetInt64() == legacySeq);

        Assert.False(heardByNeighbour.Payload.TryGetProperty("patronKey", out _));
        Assert.False(heardByNeighbour.Payload.TryGetProperty("quota", out _));
        Assert.DoesNotContain(theirs.Events, e => e.Target is "request:update" or "quota_update" && e.Seq == legacySeq);
        Assert.False(heardByPatron.Payload.TryGetProperty("patronKey", out _));
        Assert.Equal(JsonValueKind.Object, patronsPart.Payload.GetProperty("quota").ValueKind);
    }

    [Fact]
    public async Task A_connection_that_stops_reading_is_dropped_while_another_receives_every_event()
    {
        const int Requests = 100;
        const int MostEvents = 2000;
        const int AfterTheDrop = 50;
        const int Producers = 4;
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var factory = new SingrApiFactory(database);
        factory.UseKestrel(0);
        factory.StartServer();
        using var http = factory.CreateClient();
        var (owner, _) = await ApiUser.RegisterOwnerAsync(http);
        var slug = await owner.CreateVenueAsync();
        await VenueActions.AllowManyRequestsAsync(owner, slug);
        var guest = await ApiUser.GuestTokenAsync(http, slug);
        // The phone that freezes speaks the raw protocol: only a client of its own can stop taking data off its socket.
        await using var reader = await HubConnections.ConnectOverSocketAsync(http.BaseAddress!, HubConnections.VenueHub, guest);
        await using var frozen = await HubConnections.ConnectRawOverSocketAsync(http.BaseAddress!, HubConnections.VenueHub, guest, receiveBufferBytes: 4096);
        var start = (await reader.InvokeAsync("JoinVenue", slug, null)).Ok("JoinVenue").GetProperty("seq").GetInt64();
        (await frozen.InvokeAsync("JoinVenue", slug, null)).Ok("JoinVenue");
        var connectedBefore = await ConnectionsAsync(owner);
        frozen.StopReading();

        // 100 requests, then moves of a song to another place (each move's event lists all 100 positions, ~6 KB) from
        // several callers at once, as on a busy night, until the server has let the frozen phone go (at most 2,000
        // events), and 50 more after that.
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        await Parallel.ForAsync(0, Requests, new ParallelOptions { MaxDegreeOfParallelism = Producers }, async (_, _) =>
            ids.Add(await VenueActions.RequestAsync(http, guest, slug)));
        var queued = ids.ToArray();
        var produced = Requests;
        long? droppedAt = null;
        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!watching.IsCancellationRequested && droppedAt is null)
            {
                if (await ConnectionsAsync(owner) == connectedBefore - 1)
                {
                    droppedAt = Volatile.Read(ref produced);
                }

                await Task.Delay(100);
            }
        });
        await Parallel.ForAsync(0, Producers, async (worker, _) =>
        {
            var random = new Random(worker);
            while (Volatile.Read(ref produced) < (droppedAt is { } dropped ? Math.Min(dropped + AfterTheDrop, MostEvents) : MostEvents))
            {
                using var response = await owner.SendAsync(
                    HttpMethod.Post, $"/v1/venues/{slug}/queue/reorder", new { id = queued[random.Next(Requests)], position = random.Next(1, Requests + 1) });
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref produced);
                }
            }
        });
        var producing = stopwatch.Elapsed;
        await watching.CancelAsync();
        await watcher;

        // Every request and move is one event; a move that brings a song two from the front also tells its patron.
        await reader.UntilAsync(events => events.Count(e => e.Target is "queue:insert" or "queue:reorder") >= produced, TimeSpan.FromSeconds(20), $"all {produced} queue events");
        Assert.True(droppedAt is not null, $"the connection that stopped reading was still connected after {produced} events ({producing})");
        frozen.ResumeReading();
        await frozen.Closed.WaitAsync(TimeSpan.FromSeconds(10));

        AssertNumberedFrom(start + 1, Stream(reader).SkipWhile(e => e.Target == "venueState").ToList());
        Assert.Equal(produced, reader.Events.Count(e => e.Target is "queue:insert" or "queue:reorder"));
        Assert.True(Stream(frozen).Count < produced, $"the frozen connection got {Stream(frozen).Count} of {produced} events, yet was cut off");
        Assert.True(produced >= droppedAt + AfterTheDrop, $"dropped after {droppedAt} events, {produced} made in all");
    }

    /// <summary>The stream as a connection got it; a patron's <c>request:update</c> that repeats a queue event's number is left out.</summary>
    private static List<HubEvent> Stream(IHubEvents client)
    {
        var events = client.Events.Where(e => StreamEvents.Contains(e.Target)).ToList();
        var queueEvents = events.Where(e => e.Target != "request:update").Select(e => e.Seq).ToHashSet();
        return [.. events.Where(e => e.Target != "request:update" || !queueEvents.Contains(e.Seq))];
    }

    private static async Task<long> ConnectionsAsync(ApiUser owner) =>
        (await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/ws/stats")).GetProperty("totalConnections").GetInt64();

    /// <summary>Events numbered <paramref name="first"/>, first + 1, … with no gap and no repeat.</summary>
    private static void AssertNumberedFrom(long first, List<HubEvent> events)
    {
        Assert.NotEmpty(events);
        var seqs = events.Select(e => e.Seq).ToList();
        Assert.True(
            seqs.SequenceEqual(Enumerable.Range(0, events.Count).Select(i => (long?)(first + i))),
            $"expected seq {first}..{first + events.Count - 1}, got {string.Join(", ", seqs.Take(40))}: {HubClient.Describe(events)}");
    }

    private static void AssertRefused(HubCompletion completion, string code)
    {
        Assert.False(completion.Succeeded, $"expected {code}, got {completion}");
        // SignalR sends a HubException as "An unexpected error occurred invoking '…' on the server. HubException: <message>";
        // the hub's message leads with the code, so clients act on what follows "HubException: ".
        Assert.Contains($"HubException: {code}: ", completion.Error!, StringComparison.Ordinal);
    }

    private static Guid Id(JsonElement payload) => payload.GetProperty("item").GetProperty("id").GetGuid();

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : element.ToString();
    }
}
