using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Singr.Api.Tests;

/// <summary>
/// Patrons buy credit packages through Stripe Checkout (a local fake of Stripe's API here); only Stripe's signed
/// webhook adds the credits, once per checkout session, whatever Stripe sends again.
/// </summary>
public sealed class CreditPurchaseTests(StripeAppFixture app) : IClassFixture<StripeAppFixture>
{
    [Fact]
    public async Task A_paid_checkout_adds_its_credits_once_under_five_duplicate_deliveries_at_once_and_a_replay_a_day_later()
    {
        var patron = await ApiUser.RegisterAsync(app.Client, "buyer");
        var checkout = await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/v1/users/me/credits/purchase", new { package = "basic" });
        var sessionId = checkout.GetProperty("sessionId").GetString()!;
        var sent = app.Stripe.CheckoutRequests[^1];
        var completed = FakeStripe.SessionEvent("checkout.session.completed", sessionId, patron.UserId, "basic", 100, 1_000);

        var deliveries = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => DeliverAsync(completed, app.Clock.GetUtcNow())));
        app.Clock.Offset = TimeSpan.FromDays(1);
        var replay = await DeliverAsync(completed, app.Clock.GetUtcNow());
        app.Clock.Offset = TimeSpan.Zero;
        var credits = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");
        var ledger = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits/transactions");
        var purchases = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits/purchases");

        Assert.StartsWith("https://checkout.stripe.test/", checkout.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal((100, 1_000L), (checkout.GetProperty("credits").GetInt32(), checkout.GetProperty("priceCents").GetInt64()));
        Assert.Contains($"metadata[singr_wallet]={patron.UserId:D}", Uri.UnescapeDataString(sent), StringComparison.Ordinal);
        Assert.Contains($"customer_email={patron.Email}", Uri.UnescapeDataString(sent), StringComparison.Ordinal);
        Assert.All(deliveries.Append(replay), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(100, credits.GetProperty("balance").GetInt32());
        Assert.Equal([("ADDED", 100)], ledger.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("type").GetString(), e.GetProperty("amount").GetInt32())));
        Assert.Equal([(sessionId, "completed")], purchases.EnumerateArray().Select(p => (p.GetProperty("sessionId").GetString(), p.GetProperty("status").GetString())));
        Assert.Equal(1L, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'credits.purchased' AND after->>'session' = $1", sessionId));
    }

    [Fact]
    public async Task A_retried_tap_opens_the_same_checkout_and_an_expired_one_adds_nothing()
    {
        var patron = await ApiUser.RegisterAsync(app.Client, "hesitant");
        var key = Guid.NewGuid().ToString("N");
        var first = await PurchaseAsync(patron, "premium", key);
        var retried = await PurchaseAsync(patron, "premium", key);
        var sessionId = first.GetProperty("sessionId").GetString()!;

        var expired = await DeliverAsync(FakeStripe.SessionEvent("checkout.session.expired", sessionId, patron.UserId, "premium", 250, 2_000, "unpaid"), app.Clock.GetUtcNow());
        var credits = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");
        var purchases = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits/purchases");

        Assert.Equal(sessionId, retried.GetProperty("sessionId").GetString());
        Assert.Equal(HttpStatusCode.OK, expired);
        Assert.Equal(0, credits.GetProperty("balance").GetInt32());
        Assert.Equal([(sessionId, "expired")], purchases.EnumerateArray().Select(p => (p.GetProperty("sessionId").GetString(), p.GetProperty("status").GetString())));
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("ten minutes old")]
    [InlineData("body changed")]
    [InlineData("no signature")]
    public async Task A_delivery_stripe_did_not_sign_now_is_refused_with_400_and_adds_nothing(string what)
    {
        var patron = await ApiUser.RegisterAsync(app.Client, "target");
        var payload = FakeStripe.SessionEvent("checkout.session.completed", "cs_test_" + Guid.NewGuid().ToString("N"), patron.UserId, "vip", 500, 3_500);
        var now = app.Clock.GetUtcNow();
        var signature = what switch
        {
            "wrong secret" => FakeStripe.Signature(payload, now, "whsec_someone_else"),
            "ten minutes old" => FakeStripe.Signature(payload, now.AddMinutes(-10)),
            "body changed" => FakeStripe.Signature(payload.Replace("500", "400", StringComparison.Ordinal), now),
            _ => null,
        };

        using var refused = await app.Client.SendAsync(Webhook(payload, signature));
        var error = await EnvelopeJson.ErrorOfAsync(refused);
        var credits = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("BAD_SIGNATURE", error.GetProperty("code").GetString());
        Assert.Equal(0, credits.GetProperty("balance").GetInt32());
    }

    [Fact]
    public async Task A_guest_at_a_paid_kiosk_buys_credits_into_the_devices_wallet_and_spends_them_on_a_song()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { mode = "PAID", costPerSong = 2 });
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        using var before = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/queue", guest, ApiUser.Song("Before Buying"));

        using var opened = await ApiUser.SendAsync(app.Client, HttpMethod.Post, "/v1/users/me/credits/purchase", guest, new { package = "basic" });
        var checkout = await EnvelopeJson.DataOfAsync(opened);
        var wallet = Guid.Parse(app.Stripe.CheckoutRequests[^1].Split('&').Select(Uri.UnescapeDataString)
            .Single(field => field.StartsWith("metadata[singr_wallet]=", StringComparison.Ordinal)).Split('=')[1]);
        await DeliverAsync(FakeStripe.SessionEvent("checkout.session.completed", checkout.GetProperty("sessionId").GetString()!, wallet, "basic", 100, 1_000), app.Clock.GetUtcNow());
        using var after = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/queue", guest, ApiUser.Song("After Buying"));
        using var balance = await ApiUser.SendAsync(app.Client, HttpMethod.Get, "/v1/users/me/credits", guest);
        var credits = await EnvelopeJson.DataOfAsync(balance);

        Assert.Equal(HttpStatusCode.PaymentRequired, before.StatusCode);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.Equal((98, 2), (credits.GetProperty("balance").GetInt32(), credits.GetProperty("totalSpent").GetInt32()));
    }

    [Fact]
    public async Task An_unknown_package_is_refused_by_field_and_a_failing_stripe_is_a_clear_502_with_nothing_recorded()
    {
        var patron = await ApiUser.RegisterAsync(app.Client, "picky");
        using var unknown = await patron.SendAsync(HttpMethod.Post, "/v1/users/me/credits/purchase", new { package = "platinum" });
        using var packages = await ApiUser.SendAsync(app.Client, HttpMethod.Get, "/v1/credits/packages", null);
        var listed = await EnvelopeJson.DataOfAsync(packages);
        app.Stripe.FailCheckouts();
        try
        {
            using var failed = await patron.SendAsync(HttpMethod.Post, "/v1/users/me/credits/purchase", new { package = "vip" });
            var purchases = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits/purchases");

            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Equal("package", (await EnvelopeJson.ErrorOfAsync(unknown)).GetProperty("details")[0].GetProperty("field").GetString());
            Assert.Equal([("basic", 100, 1_000L), ("premium", 250, 2_000L), ("vip", 500, 3_500L)],
                listed.EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("credits").GetInt32(), p.GetProperty("priceCents").GetInt64())));
            Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
            Assert.Equal("PAYMENT_PROVIDER_FAILED", (await EnvelopeJson.ErrorOfAsync(failed)).GetProperty("code").GetString());
            Assert.Empty(purchases.EnumerateArray());
        }
        finally
        {
            app.Stripe.OpenCheckouts();
        }
    }

    [Fact]
    public async Task An_admin_refunds_a_purchase_after_part_was_spent_taking_back_only_what_is_left_once_and_others_may_not()
    {
        var admin = await PlatformStaff.RegisterAsync(app.Client, app.Factory.Services, "admin");
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { mode = "PAID", costPerSong = 30 });
        var patron = await ApiUser.RegisterAsync(app.Client, "regretful");
        var checkout = await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/v1/users/me/credits/purchase", new { package = "basic" });
        var sessionId = checkout.GetProperty("sessionId").GetString()!;
        await DeliverAsync(FakeStripe.SessionEvent("checkout.session.completed", sessionId, patron.UserId, "basic", 100, 1_000), app.Clock.GetUtcNow());
        await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song());

        using var byPatron = await patron.SendAsync(HttpMethod.Post, $"/v1/admin/purchases/{sessionId}/refund", new { reason = "mine" });
        var refunded = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/admin/purchases/{sessionId}/refund", new { reason = "patron asked at the bar" });
        var again = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/admin/purchases/{sessionId}/refund", new { reason = "clicked twice" });
        var listed = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/admin/purchases?status=refunded&limit=100");
        var credits = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");
        var ledger = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits/transactions");

        Assert.Equal(HttpStatusCode.Forbidden, byPatron.StatusCode);
        Assert.Equal((70, 30), (refunded.GetProperty("creditsTakenBack").GetInt32(), refunded.GetProperty("creditsAlreadySpent").GetInt32()));
        Assert.Equal((70, 30), (again.GetProperty("creditsTakenBack").GetInt32(), again.GetProperty("creditsAlreadySpent").GetInt32()));
        Assert.Equal(0, credits.GetProperty("balance").GetInt32());
        Assert.Equal([("REMOVED", -70), ("SPENT", -30), ("ADDED", 100)],
            ledger.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("type").GetString(), e.GetProperty("amount").GetInt32())));
        Assert.Single(app.Stripe.RefundRequests, body => Uri.UnescapeDataString(body).Contains($"payment_intent=pi_test_{sessionId}", StringComparison.Ordinal));
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), p => p.GetProperty("sessionId").GetString() == sessionId && p.GetProperty("walletId").GetGuid() == patron.UserId);
    }

    [Fact]
    public async Task A_guest_who_signs_up_on_the_same_device_moves_the_guest_credits_to_the_account_once_and_nobody_else_can()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var device = new { venueId = slug, deviceId = $"phone-{Guid.NewGuid():N}" };
        using var started = await app.Client.PostAsJsonAsync("/v1/auth/guest", device);
        var session = await EnvelopeJson.DataOfAsync(started);
        var guest = session.GetProperty("accessToken").GetString()!;
        var claim = new { device.venueId, device.deviceId, deviceKey = session.GetProperty("deviceKey").GetString() };
        using var opened = await ApiUser.SendAsync(app.Client, HttpMethod.Post, "/v1/users/me/credits/purchase", guest, new { package = "basic" });
        var sessionId = (await EnvelopeJson.DataOfAsync(opened)).GetProperty("sessionId").GetString()!;
        var wallet = Guid.ParseExact(session.GetProperty("guestId").GetString()!["guest-".Length..], "N");
        await DeliverAsync(FakeStripe.SessionEvent("checkout.session.completed", sessionId, wallet, "basic", 100, 1_000), app.Clock.GetUtcNow());
        var patron = await ApiUser.RegisterAsync(app.Client, "newcomer");
        var someoneElse = await ApiUser.RegisterAsync(app.Client, "sneaky");

        var moved = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/users/me/credits/move-guest", claim);
        var again = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/users/me/credits/move-guest", claim);
        using var stolen = await someoneElse.SendAsync(HttpMethod.Post, "/v1/users/me/credits/move-guest", claim);
        using var wrongKey = await someoneElse.SendAsync(HttpMethod.Post, "/v1/users/me/credits/move-guest", claim with { deviceKey = new string('A', 43) });
        using var guestAfter = await ApiUser.SendAsync(app.Client, HttpMethod.Get, "/v1/users/me/credits", guest);
        var account = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");

        Assert.Equal((100, 100), (moved.GetProperty("moved").GetInt32(), moved.GetProperty("balance").GetProperty("balance").GetInt32()));
        Assert.Equal(100, again.GetProperty("moved").GetInt32());
        Assert.Equal(100, account.GetProperty("balance").GetInt32());
        Assert.Equal(0, (await EnvelopeJson.DataOfAsync(guestAfter)).GetProperty("balance").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stolen.StatusCode);
        Assert.Equal("GUEST_CREDITS_ALREADY_MOVED", (await EnvelopeJson.ErrorOfAsync(stolen)).GetProperty("code").GetString());
        Assert.Equal(0, (await someoneElse.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits")).GetProperty("balance").GetInt32());
        Assert.Equal(HttpStatusCode.OK, wrongKey.StatusCode);
        Assert.Equal(0, (await EnvelopeJson.DataOfAsync(wrongKey)).GetProperty("moved").GetInt32());
    }

    [Fact]
    public async Task Platform_admins_change_what_is_on_sale_checked_by_field_and_a_venue_may_sell_the_kiosks_small_package()
    {
        var admin = await PlatformStaff.RegisterAsync(app.Client, app.Factory.Services, "admin");
        var patron = await ApiUser.RegisterAsync(app.Client, "shopper");
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var small = await owner.CreateVenueAsync();
        var plain = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(small, new { mode = "PAID", offersSmallPackage = true });
        var seed = new[]
        {
            new { name = "basic", credits = 100, priceCents = 1_000, currency = "usd" },
            new { name = "premium", credits = 250, priceCents = 2_000, currency = "usd" },
            new { name = "vip", credits = 500, priceCents = 3_500, currency = "usd" },
        };
        try
        {
            using var bad = await admin.SendAsync(HttpMethod.Put, "/v1/admin/credits/packages",
                new { packages = new[] { new { name = "Bad Name", credits = 0, priceCents = 10, currency = "dollars" } } });
            using var byPatron = await patron.SendAsync(HttpMethod.Put, "/v1/admin/credits/packages", new { packages = seed });
            await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/v1/admin/credits/packages",
                new { packages = seed.Append(new { name = "party", credits = 1_000, priceCents = 6_000, currency = "usd" }) });
            var party = await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/v1/users/me/credits/purchase", new { package = "party" });
            var atSmall = await Names($"/v1/credits/packages?venueId={small}");
            var atPlain = await Names($"/v1/credits/packages?venueId={plain}");
            var kiosk = await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/v1/users/me/credits/purchase", new { package = "kiosk", venueId = small });
            using var notSoldThere = await patron.SendAsync(HttpMethod.Post, "/v1/users/me/credits/purchase", new { package = "kiosk", venueId = plain });

            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(["packages[0].name", "packages[0].credits", "packages[0].priceCents", "packages[0].currency"],
                (await EnvelopeJson.ErrorOfAsync(bad)).GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()));
            Assert.Equal(HttpStatusCode.Forbidden, byPatron.StatusCode);
            Assert.Equal((1_000, 6_000L), (party.GetProperty("credits").GetInt32(), party.GetProperty("priceCents").GetInt64()));
            Assert.Equal(["basic", "premium", "vip", "party", "kiosk"], atSmall);
            Assert.Equal(["basic", "premium", "vip", "party"], atPlain);
            Assert.Equal((5, 500L), (kiosk.GetProperty("credits").GetInt32(), kiosk.GetProperty("priceCents").GetInt64()));
            Assert.Equal(HttpStatusCode.BadRequest, notSoldThere.StatusCode);
        }
        finally
        {
            await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/v1/admin/credits/packages", new { packages = seed });
        }
    }

    private async Task<List<string?>> Names(string path)
    {
        using var listed = await ApiUser.SendAsync(app.Client, HttpMethod.Get, path, null);
        return [.. (await EnvelopeJson.DataOfAsync(listed)).EnumerateArray().Select(p => p.GetProperty("name").GetString())];
    }

    private async Task<JsonElement> PurchaseAsync(ApiUser patron, string package, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/users/me/credits/purchase")
        {
            Content = JsonContent(new { package }),
        };
        request.Headers.Add("Idempotency-Key", key);
        request.Headers.Authorization = new("Bearer", patron.Token);
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await EnvelopeJson.DataOfAsync(response);
    }

    private async Task<HttpStatusCode> DeliverAsync(string payload, DateTimeOffset signedAt)
    {
        using var response = await app.Client.SendAsync(Webhook(payload, FakeStripe.Signature(payload, signedAt)));
        return response.StatusCode;
    }

    private static HttpRequestMessage Webhook(string payload, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks/stripe") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("Stripe-Signature", signature);
        }

        return request;
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
