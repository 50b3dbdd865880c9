using System.Net;
using System.Text.Json;

namespace Singr.Api.Tests;

public sealed class PaidRequestTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task A_hundred_concurrent_paid_requests_with_ten_credits_queue_exactly_ten_and_charge_exactly_ten()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { mode = "PAID", costPerSong = 1, maxPendingPerPatron = 1000, queueLimit = 1000 });
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        await app.GrantCreditsAsync(patron.UserId, 10);

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => patron.SendAsync(HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song())));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.PaymentRequired).Take(1))
        {
            Assert.Equal("INSUFFICIENT_CREDITS", (await EnvelopeJson.ErrorOfAsync(refused)).GetProperty("code").GetString());
        }

        foreach (var response in responses)
        {
            response.Dispose();
        }

        var queue = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/queue");
        var balance = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");
        var ledger = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits/transactions?limit=100");

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(90, statuses.Count(s => s == HttpStatusCode.PaymentRequired));
        Assert.Equal(10, queue.GetProperty("items").GetArrayLength());
        Assert.Equal(0, balance.GetProperty("balance").GetInt32());
        Assert.Equal(10, Types(ledger).Count(t => t == "SPENT"));
        Assert.Equal(0, Amounts(ledger).Sum());
        Assert.Equal(10L, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM song_requests r JOIN credit_transactions t ON t.operation_id = r.request_id WHERE r.patron_user_id = $1", patron.UserId));
    }

    [Fact]
    public async Task On_play_credits_are_held_then_spent_when_the_song_starts_or_released_when_it_is_skipped()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { mode = "PAID", costPerSong = 3, chargeAt = "ON_PLAY", maxPendingPerPatron = 5 });
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        await app.GrantCreditsAsync(patron.UserId, 10);
        var player = await PairPlayerAsync(owner, slug);

        var played = (await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song())).GetProperty("item").GetProperty("id").GetString();
        var skipped = (await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song())).GetProperty("item").GetProperty("id").GetString();
        var held = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");
        using var tooMuch = await patron.SendAsync(HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song());
        using var tooMuchAgain = await patron.SendAsync(HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song());

        using var starts = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/player/state", player,
            new { status = "playing", itemId = played, positionSeconds = 1, volume = 80 });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{slug}/queue/{skipped}", new { status = "skipped" });
        var after = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");
        var ledger = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits/transactions");

        Assert.Equal((10, 6, 4), (held.GetProperty("balance").GetInt32(), held.GetProperty("held").GetInt32(), held.GetProperty("available").GetInt32()));
        Assert.Equal(HttpStatusCode.Created, tooMuch.StatusCode);
        Assert.Equal(HttpStatusCode.PaymentRequired, tooMuchAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, starts.StatusCode);
        // 10 - 3 spent on the song that started; the skipped one's 3 are back; the third request's 3 are still held.
        Assert.Equal((7, 3, 4), (after.GetProperty("balance").GetInt32(), after.GetProperty("held").GetInt32(), after.GetProperty("available").GetInt32()));
        Assert.Equal(["SPENT", "EARNED"], Types(ledger));
        Assert.Equal([-3, 10], Amounts(ledger));
    }

    [Fact]
    public async Task Closing_for_the_night_empties_the_queue_and_gives_held_credits_back_with_no_ledger_entry()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { mode = "PAID", costPerSong = 2, chargeAt = "ON_PLAY", maxPendingPerPatron = 5 });
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        await app.GrantCreditsAsync(patron.UserId, 10);
        await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song());
        await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song());
        var held = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");

        var closed = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/venues/{slug}/close");
        using var late = await patron.SendAsync(HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song());
        var after = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");
        var ledger = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits/transactions");

        Assert.Equal(4, held.GetProperty("held").GetInt32());
        Assert.Empty(closed.GetProperty("items").EnumerateArray());
        Assert.False(closed.GetProperty("requestsOpen").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Equal((10, 0, 10), (after.GetProperty("balance").GetInt32(), after.GetProperty("held").GetInt32(), after.GetProperty("available").GetInt32()));
        Assert.Equal(["EARNED"], Types(ledger));
    }

    [Fact]
    public async Task Hosts_add_and_remove_a_patrons_credits_with_a_reason_and_never_below_zero()
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var patron = await ApiUser.RegisterAsync(app.Client, "regular");

        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/venues/{slug}/credits", new { email = patron.Email, amount = 5, type = "ADDED", reason = "birthday" });
        var taken = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/venues/{slug}/credits", new { userId = patron.UserId, amount = 2, type = "REMOVED", reason = "bar tab" });
        using var belowZero = await owner.SendAsync(HttpMethod.Post, $"/v1/venues/{slug}/credits", new { userId = patron.UserId, amount = 4, type = "REMOVED", reason = "oops" });
        using var refund = await owner.SendAsync(HttpMethod.Post, $"/v1/venues/{slug}/credits", new { userId = patron.UserId, amount = 1, type = "REFUND", reason = "no" });
        var ledger = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits/transactions");
        var audit = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/audit?action=credits.");

        Assert.Equal(3, taken.GetProperty("balance").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, belowZero.StatusCode);
        Assert.Equal("CREDITS_BELOW_ZERO", (await EnvelopeJson.ErrorOfAsync(belowZero)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refund.StatusCode);
        Assert.Equal(["REMOVED", "ADDED"], Types(ledger));
        Assert.Equal(["bar tab", "birthday"], ledger.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("description").GetString()).ToList());
        Assert.Equal(["credits.removed", "credits.added"], audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList());
        Assert.All(audit.GetProperty("items").EnumerateArray(), e => Assert.Equal(customerId, e.GetProperty("customerId").GetGuid()));
    }

    [Fact]
    public async Task A_paid_request_retried_with_its_idempotency_key_is_charged_once()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { mode = "PAID", costPerSong = 2 });
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        await app.GrantCreditsAsync(patron.UserId, 10);
        var song = ApiUser.Song();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SendWithKeyAsync(patron, slug, song, "tap-tap-tap")));
        var balance = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Single(responses.Select(r => r.ItemId).Distinct());
        Assert.Equal(8, balance.GetProperty("balance").GetInt32());
    }

    private async Task<(HttpStatusCode Status, string? ItemId)> SendWithKeyAsync(ApiUser patron, string slug, object song, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/v1/venues/{slug}/queue", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(song),
        };
        request.Headers.Authorization = new("Bearer", patron.Token);
        request.Headers.Add("Idempotency-Key", key);
        using var response = await app.Client.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, body.GetProperty("data").ValueKind == JsonValueKind.Object ? body.GetProperty("data").GetProperty("item").GetProperty("id").GetString() : null);
    }

    private async Task<string> PairPlayerAsync(ApiUser owner, string slug)
    {
        var code = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/players/pairing-codes");
        using var paired = await ApiUser.SendAsync(app.Client, HttpMethod.Post, "/v1/players/pair", null,
            new { code = code.GetProperty("code").GetString(), deviceId = $"screen-{Guid.NewGuid():N}" });
        return (await EnvelopeJson.DataOfAsync(paired)).GetProperty("accessToken").GetString()!;
    }

    private static List<string?> Types(JsonElement ledger) =>
        [.. ledger.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString())];

    private static List<int> Amounts(JsonElement ledger) =>
        [.. ledger.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("amount").GetInt32())];
}
