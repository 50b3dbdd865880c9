using System.Net;
using System.Text.Json;

namespace Singr.Api.Tests;

public sealed class QueueTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private static readonly string[] BlockedArtists = ["Nickelback"];
    private static readonly string[] PriorityTitles = ["P1", "P2", "P3"];

    [Fact]
    public async Task Anyone_at_the_venue_reads_what_a_request_costs_before_asking_and_sees_a_price_change_at_once()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);

        var free = await VenueActions.QueueAsync(app.Client, guest, slug);
        await owner.SetSettingsAsync(slug, new { mode = "PAID", costPerSong = 2, chargeAt = "ON_PLAY" });
        var paid = await VenueActions.QueueAsync(app.Client, guest, slug);

        Assert.Equal("FREEPLAY", free.GetProperty("prices").GetProperty("mode").GetString());
        Assert.Equal(("PAID", 2, "ON_PLAY"), (
            paid.GetProperty("prices").GetProperty("mode").GetString(),
            paid.GetProperty("prices").GetProperty("costPerSong").GetInt32(),
            paid.GetProperty("prices").GetProperty("chargeAt").GetString()));
    }

    [Fact]
    public async Task In_a_round_robin_venue_a_newcomer_sings_before_anyone_sings_twice_and_a_host_can_still_move_them()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var settings = await owner.SetSettingsAsync(slug, new { rotation = "ROUND_ROBIN", maxPendingPerPatron = 5 });
        using var wrong = await owner.SendAsync(HttpMethod.Patch, $"/v1/venues/{slug}/settings", new { rotation = "RANDOM" });
        var ann = await ApiUser.GuestTokenAsync(app.Client, slug);
        var bob = await ApiUser.GuestTokenAsync(app.Client, slug);
        var cat = await ApiUser.GuestTokenAsync(app.Client, slug);
        await VenueActions.RequestAsync(app.Client, ann, slug, "Ann One");
        await VenueActions.RequestAsync(app.Client, ann, slug, "Ann Two");
        await VenueActions.RequestAsync(app.Client, bob, slug, "Bob One");

        var catsSong = await VenueActions.RequestAsync(app.Client, cat, slug, "Cat One");
        var queue = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/queue");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{slug}/queue/{catsSong}", new { position = 4 });
        var moved = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/queue");

        Assert.Equal("ROUND_ROBIN", settings.GetProperty("rotation").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(["Ann One", "Bob One", "Cat One", "Ann Two"], Titles(queue));
        Assert.Equal(["Ann One", "Bob One", "Ann Two", "Cat One"], Titles(moved));

        static List<string?> Titles(System.Text.Json.JsonElement queue) => [.. queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString())];
    }

    [Fact]
    public async Task A_guest_requests_a_song_and_sees_it_queued_with_its_position_and_start_time()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);

        using var first = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/queue", guest, ApiUser.Song("First Song"));
        using var second = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/queue", guest, new
        {
            kind = "karaoke", artist = "Queen", title = "Somebody to Love", keyChange = -2, notes = "big finish", singer = "Freddie",
        });
        using var queue = await ApiUser.SendAsync(app.Client, HttpMethod.Get, $"/v1/venues/{slug}/queue", guest);
        var accepted = await EnvelopeJson.DataOfAsync(first);
        var items = (await EnvelopeJson.DataOfAsync(queue)).GetProperty("items");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(1, accepted.GetProperty("item").GetProperty("position").GetInt32());
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(["First Song", "Somebody to Love"], items.EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList());
        Assert.Equal([1, 2], items.EnumerateArray().Select(i => i.GetProperty("position").GetInt32()).ToList());
        Assert.Equal("Freddie", items[1].GetProperty("singerName").GetString());
        Assert.Equal(-2, items[1].GetProperty("keyChange").GetInt32());
        var firstStart = items[0].GetProperty("estimatedStartAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromSeconds(180), items[1].GetProperty("estimatedStartAt").GetDateTimeOffset() - firstStart);
    }

    [Fact]
    public async Task Each_rule_refuses_with_its_own_code_and_the_queue_is_unchanged()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { maxPendingPerPatron = 1, queueLimit = 2, noRepeatMinutes = 30, blocklist = new { artists = BlockedArtists, titles = Array.Empty<string>(), videoIds = Array.Empty<string>() }, acceptKaraoke = false });
        var alice = await ApiUser.GuestTokenAsync(app.Client, slug);
        var bob = await ApiUser.GuestTokenAsync(app.Client, slug);
        var carol = await ApiUser.GuestTokenAsync(app.Client, slug);
        var song = ApiUser.Song("Only Once");

        await ExpectCreatedAsync(slug, alice, song);
        await ExpectRefusedAsync(slug, bob, song, HttpStatusCode.UnprocessableEntity, "DUPLICATE_REQUEST");
        await ExpectRefusedAsync(slug, alice, ApiUser.Song(), HttpStatusCode.UnprocessableEntity, "PATRON_LIMIT_REACHED");
        await ExpectRefusedAsync(slug, bob, new { kind = "jukebox", youtubeId = "abcdefghijk", title = "Photograph", artist = "nickelback", duration = 200 },
            HttpStatusCode.UnprocessableEntity, "BLOCKED_SONG");
        await ExpectRefusedAsync(slug, bob, new { kind = "karaoke", artist = "ABBA", title = "Waterloo" }, HttpStatusCode.UnprocessableEntity, "REQUEST_KIND_NOT_ACCEPTED");
        await ExpectCreatedAsync(slug, bob, ApiUser.Song());
        await ExpectRefusedAsync(slug, carol, ApiUser.Song(), HttpStatusCode.UnprocessableEntity, "QUEUE_FULL");
        await owner.SetSettingsAsync(slug, new { requestsOpen = false, queueLimit = 10 });
        await ExpectRefusedAsync(slug, carol, ApiUser.Song(), HttpStatusCode.UnprocessableEntity, "REQUESTS_CLOSED");
        await owner.SetSettingsAsync(slug, new { requestsOpen = true, mode = "PAID" });
        await ExpectRefusedAsync(slug, carol, ApiUser.Song(), HttpStatusCode.PaymentRequired, "INSUFFICIENT_CREDITS");

        var queue = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/queue");
        Assert.Equal(2, queue.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Requests_close_by_themselves_at_the_venues_local_closing_time_until_a_host_opens_them()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var closing = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, tokyo).AddMinutes(30).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{slug}", new { timezone = "Asia/Tokyo" });
        await owner.SetSettingsAsync(slug, new { autoCloseAt = closing });
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);

        await ExpectCreatedAsync(slug, guest, ApiUser.Song());
        app.Clock.Offset = TimeSpan.FromMinutes(31);
        try
        {
            await ExpectRefusedAsync(slug, guest, ApiUser.Song(), HttpStatusCode.UnprocessableEntity, "REQUESTS_CLOSED");
            var settings = await owner.SetSettingsAsync(slug, new { requestsOpen = true });
            Assert.True(settings.GetProperty("requestsOpen").GetBoolean());
            await ExpectCreatedAsync(slug, guest, ApiUser.Song());
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_retried_request_with_the_same_idempotency_key_returns_the_first_result_and_queues_once()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var song = ApiUser.Song();

        var first = await SendWithKeyAsync(slug, guest, song, "retry-key-1");
        var second = await SendWithKeyAsync(slug, guest, song, "retry-key-1");
        var queue = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/queue");

        Assert.Equal(first.GetProperty("item").GetProperty("id").GetString(), second.GetProperty("item").GetProperty("id").GetString());
        Assert.Equal(1, queue.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task An_idempotency_key_reused_for_a_different_song_is_refused_and_the_first_song_stays_the_only_one()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        await SendWithKeyAsync(slug, guest, ApiUser.Song("Dancing Queen"), "reused-key");

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/v1/venues/{slug}/queue", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(ApiUser.Song("Waterloo")),
        };
        request.Headers.Authorization = new("Bearer", guest);
        request.Headers.Add("Idempotency-Key", "reused-key");
        using var reused = await app.Client.SendAsync(request);
        var queue = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/queue");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", (await EnvelopeJson.ErrorOfAsync(reused)).GetProperty("code").GetString());
        Assert.Equal(["Dancing Queen"], queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Hosts_reorder_move_end_and_play_next_and_positions_stay_contiguous()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
            ids.Add((await ExpectCreatedAsync(slug, guest, ApiUser.Song($"Song {i}"))).GetProperty("item").GetProperty("id").GetString()!);
        }

        var version = (await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/queue")).GetProperty("version").GetInt64();
        var reversed = ids.AsEnumerable().Reverse().Select((id, i) => new { id, position = i + 1 }).ToList();
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/venues/{slug}/queue/reorder", new { items = reversed, version });
        using var stale = await owner.SendAsync(HttpMethod.Post, $"/v1/venues/{slug}/queue/reorder", new { items = reversed, version });
        using var incomplete = await owner.SendAsync(HttpMethod.Post, $"/v1/venues/{slug}/queue/reorder", new { items = reversed.Take(4) });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{slug}/queue/{ids[4]}", new { position = 3 });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{slug}/queue/{ids[2]}", new { status = "removed" });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{slug}/queue/{ids[0]}", new { status = "skipped" });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/venues/{slug}/queue/{ids[1]}/play-next");
        var queue = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/queue");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("QUEUE_CHANGED", (await EnvelopeJson.ErrorOfAsync(stale)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, incomplete.StatusCode);
        // reversed: 4 3 2 1 0; move 4 to 3rd: 3 2 4 1 0; remove 2: 3 4 1 0; skip 0: 3 4 1; play 1 next: 1 3 4
        Assert.Equal([ids[1], ids[3], ids[4]], queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList());
        Assert.Equal([1, 2, 3], queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("position").GetInt32()).ToList());
    }

    [Fact]
    public async Task Hybrid_priority_requests_go_ahead_of_free_ones_but_never_more_than_the_cap_in_a_row()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { mode = "HYBRID", priorityCost = 2, maxPriorityInARow = 2, maxPendingPerPatron = 10 });
        var payer = await ApiUser.RegisterAsync(app.Client, "payer");
        await app.GrantCreditsAsync(payer.UserId, 20);
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);

        await ExpectCreatedAsync(slug, guest, ApiUser.Song("F1"));
        await ExpectCreatedAsync(slug, guest, ApiUser.Song("F2"));
        foreach (var title in PriorityTitles)
        {
            await payer.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song(title, priority: true));
        }

        using var guestPriority = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/queue", guest, ApiUser.Song("GP", priority: true));
        var queue = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/queue");
        var balance = await payer.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");

        Assert.Equal(["P1", "P2", "F1", "P3", "F2"], queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList());
        Assert.Equal(HttpStatusCode.PaymentRequired, guestPriority.StatusCode);
        Assert.Equal(14, balance.GetProperty("balance").GetInt32());
    }

    [Fact]
    public async Task A_host_requests_for_a_patron_for_free_and_a_patron_cannot_pose_as_host()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { mode = "PAID" });
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");

        var onBehalf = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue",
            new { kind = "karaoke", artist = "Adele", title = "Hello", onBehalfOf = "Table 7" });
        using var posing = await patron.SendAsync(HttpMethod.Post, $"/v1/venues/{slug}/queue",
            new { kind = "karaoke", artist = "Adele", title = "Skyfall", onBehalfOf = "Table 8" });

        Assert.Equal("Table 7", onBehalf.GetProperty("item").GetProperty("requestedBy").GetString());
        Assert.Equal(0, onBehalf.GetProperty("item").GetProperty("creditsCost").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, posing.StatusCode);
        Assert.Equal("PERMISSION_DENIED", (await EnvelopeJson.ErrorOfAsync(posing)).GetProperty("code").GetString());
        var queue = await VenueActions.QueueAsync(app.Client, owner.Token, slug);
        Assert.Equal(["Hello"], queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList());
    }

    [Fact]
    public async Task A_player_credential_cannot_request_a_song()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var (player, _) = await VenueActions.PairAsync(app.Client, owner, slug);

        using var refused = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/queue", player,
            new { kind = "karaoke", artist = "Adele", title = "Hello" });
        var queue = await VenueActions.QueueAsync(app.Client, owner.Token, slug);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("PLAYER_CANNOT_REQUEST", (await EnvelopeJson.ErrorOfAsync(refused)).GetProperty("code").GetString());
        Assert.Empty(queue.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Invalid_request_fields_are_each_reported()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);

        using var karaoke = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/queue", guest,
            new { kind = "karaoke", title = "", keyChange = 7, notes = new string('n', 501) });
        using var jukebox = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/queue", guest,
            new { kind = "jukebox", title = "Video", youtubeId = "short", duration = 0, thumbnailUrl = "ftp://x" });

        Assert.Equal(["title", "artist", "keyChange", "notes"], await FieldsAsync(karaoke));
        Assert.Equal(["youtubeId", "duration", "thumbnailUrl"], await FieldsAsync(jukebox));
    }

    private async Task<JsonElement> ExpectCreatedAsync(string slug, string token, object song)
    {
        using var response = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/queue", token, song);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await EnvelopeJson.DataOfAsync(response);
    }

    private async Task ExpectRefusedAsync(string slug, string token, object song, HttpStatusCode status, string code)
    {
        using var response = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/queue", token, song);
        Assert.True(status == response.StatusCode, $"{code}: {await response.Content.ReadAsStringAsync()}");
        var error = await EnvelopeJson.ErrorOfAsync(response);
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("userMessage").GetString()));
    }

    private async Task<JsonElement> SendWithKeyAsync(string slug, string token, object song, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/v1/venues/{slug}/queue", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(song),
        };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("Idempotency-Key", key);
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await EnvelopeJson.DataOfAsync(response);
    }

    private static async Task<List<string?>> FieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return [.. (await EnvelopeJson.ErrorOfAsync(response)).GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString())];
    }
}
