using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Singr.Api.Tests;

/// <summary>
/// Request allowances (book requests' quotas): owners give a venue tiers of so many requests a night or a month, a
/// default tier and patrons' tiers; a patron sees what they have left, the request over it is refused, and a rejected
/// request gives its count back.
/// </summary>
public sealed class QuotaTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly object NightlyTiers = new
    {
        tiers = new[]
        {
            new { name = "Regular", requestsAllowed = 2, period = "NIGHT" },
            new { name = "Late", requestsAllowed = 4, period = "NIGHT" },
        },
        defaultTier = "Regular",
    };

    private static readonly object TwoTiers = new
    {
        tiers = new[]
        {
            new { name = "Regular", requestsAllowed = 2, period = "NIGHT" },
            new { name = "VIP", requestsAllowed = 5, period = "MONTH" },
        },
        defaultTier = "regular",
    };

    [Fact]
    public async Task Owners_set_tiers_a_default_and_patrons_tiers_and_read_them_back()
    {
        var (owner, _, slug) = await VenueAsync();
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");

        var empty = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/quota");
        var set = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/venues/{slug}/quota", TwoTiers);
        var assigned = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/venues/{slug}/quota/patrons/{patron.UserId}", new { tier = "VIP" });
        var read = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/quota");
        var asVip = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/users/me/quota?venueId={slug}");
        var unassigned = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/v1/venues/{slug}/quota/patrons/{patron.UserId}");
        var asDefault = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/users/me/quota?venueId={slug}");

        Assert.Empty(empty.GetProperty("tiers").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("defaultTier").ValueKind);
        Assert.Equal([("Regular", 2, "NIGHT"), ("VIP", 5, "MONTH")], Tiers(set));
        Assert.Equal("Regular", set.GetProperty("defaultTier").GetString());
        Assert.Equal("VIP", assigned.GetProperty("assignments").GetProperty(patron.UserId.ToString()).GetString());
        Assert.Equal(Tiers(set), Tiers(read));
        Assert.Equal("VIP", read.GetProperty("assignments").GetProperty(patron.UserId.ToString()).GetString());
        Assert.Equal(("VIP", 5, 0, 5), Figures(asVip));
        Assert.Equal(DateTimeOffset.UtcNow.ToOffset(London.GetUtcOffset(DateTimeOffset.UtcNow)).ToString("yyyy-MM", CultureInfo.InvariantCulture), asVip.GetProperty("currentPeriod").GetString());
        Assert.False(unassigned.GetProperty("assignments").TryGetProperty(patron.UserId.ToString(), out _));
        Assert.Equal(("Regular", 2, 0, 2), Figures(asDefault));
    }

    [Fact]
    public async Task An_unknown_tier_or_account_is_refused_and_a_tier_that_goes_away_sends_its_patrons_to_the_default()
    {
        var (owner, customerId, slug) = await VenueAsync();
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        var staff = await ApiUser.RegisterAsync(app.Client, "staff");
        await owner.AddMemberAsync(staff, customerId, "customer_staff");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/venues/{slug}/quota", TwoTiers);
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/venues/{slug}/quota/patrons/{patron.UserId}", new { tier = "VIP" });

        using var noSuchTier = await owner.SendAsync(HttpMethod.Put, $"/v1/venues/{slug}/quota/patrons/{patron.UserId}", new { tier = "Gold" });
        using var noTier = await owner.SendAsync(HttpMethod.Put, $"/v1/venues/{slug}/quota/patrons/{patron.UserId}", new { tier = " " });
        using var noSuchAccount = await owner.SendAsync(HttpMethod.Put, $"/v1/venues/{slug}/quota/patrons/{Guid.NewGuid()}", new { tier = "VIP" });
        using var notAnId = await owner.SendAsync(HttpMethod.Put, $"/v1/venues/{slug}/quota/patrons/someone", new { tier = "VIP" });
        using var byStaff = await staff.SendAsync(HttpMethod.Put, $"/v1/venues/{slug}/quota", new { tiers = Array.Empty<object>(), defaultTier = (string?)null });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/venues/{slug}/quota",
            new { tiers = new[] { new { name = "Regular", requestsAllowed = 1, period = "NIGHT" } }, defaultTier = "Regular" });
        var fellBack = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/users/me/quota?venueId={slug}");
        var cleared = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/venues/{slug}/quota", new { tiers = Array.Empty<object>(), defaultTier = (string?)null });
        var unlimited = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/users/me/quota?venueId={slug}");

        Assert.Equal(HttpStatusCode.BadRequest, noSuchTier.StatusCode);
        Assert.Equal("QUOTA_TIER_NOT_FOUND", (await EnvelopeJson.ErrorOfAsync(noSuchTier)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noTier.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noSuchAccount.StatusCode);
        Assert.Equal("ACCOUNT_NOT_FOUND", (await EnvelopeJson.ErrorOfAsync(noSuchAccount)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, notAnId.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal(("Regular", 1, 0, 1), Figures(fellBack));
        Assert.Empty(cleared.GetProperty("tiers").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, unlimited.GetProperty("requestsAllowed").ValueKind);
        Assert.Equal(JsonValueKind.Null, unlimited.GetProperty("requestsRemaining").ValueKind);
        Assert.Equal(JsonValueKind.Null, unlimited.GetProperty("tier").ValueKind);
    }

    [Fact]
    public async Task Tiers_are_checked_field_by_field()
    {
        var (owner, _, slug) = await VenueAsync();
        var cases = new (object Body, string Field)[]
        {
            (new { defaultTier = (string?)null }, "tiers"),
            (new { tiers = Enumerable.Range(1, 21).Select(i => new { name = $"Tier {i}", requestsAllowed = 1, period = "NIGHT" }).ToArray() }, "tiers"),
            (new { tiers = new[] { new { name = "", requestsAllowed = 1, period = "NIGHT" } } }, "tiers[0].name"),
            (new { tiers = new[] { new { name = new string('n', 41), requestsAllowed = 1, period = "NIGHT" } } }, "tiers[0].name"),
            (new { tiers = new[] { new { name = "vip", requestsAllowed = 1, period = "NIGHT" }, new { name = "VIP", requestsAllowed = 2, period = "MONTH" } } }, "tiers[1].name"),
            (new { tiers = new[] { new { name = "low", requestsAllowed = -1, period = "NIGHT" } } }, "tiers[0].requestsAllowed"),
            (new { tiers = new[] { new { name = "high", requestsAllowed = 1001, period = "NIGHT" } } }, "tiers[0].requestsAllowed"),
            (new { tiers = new[] { new { name = "weekly", requestsAllowed = 1, period = "WEEK" } } }, "tiers[0].period"),
            (new { tiers = new[] { new { name = "regular", requestsAllowed = 1, period = "NIGHT" } }, defaultTier = "gold" }, "defaultTier"),
        };

        foreach (var (body, field) in cases)
        {
            using var refused = await owner.SendAsync(HttpMethod.Put, $"/v1/venues/{slug}/quota", body);
            Assert.True(HttpStatusCode.BadRequest == refused.StatusCode, $"{JsonSerializer.Serialize(body)}: {refused.StatusCode}");
            var error = await EnvelopeJson.ErrorOfAsync(refused);
            Assert.Equal("VALIDATION_ERROR", error.GetProperty("code").GetString());
            Assert.Contains(field, error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()));
        }

        var edges = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/venues/{slug}/quota", new
        {
            tiers = Enumerable.Range(1, 20).Select(i => new { name = i == 1 ? new string('n', 40) : $"Tier {i}", requestsAllowed = i == 1 ? 0 : 1000, period = "MONTH" }).ToArray(),
            defaultTier = "TIER 2",
        });
        var stored = Tiers(await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/quota"));
        Assert.Equal(20, stored.Count);
        Assert.Equal((new string('n', 40), 0, "MONTH"), stored[0]);
        Assert.Equal(("Tier 20", 1000, "MONTH"), stored[19]);
        Assert.Equal("Tier 2", edges.GetProperty("defaultTier").GetString());
    }

    [Fact]
    public async Task A_patron_sees_what_they_have_left_and_the_request_over_their_allowance_is_refused()
    {
        var (owner, _, slug) = await VenueAsync();
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/venues/{slug}/quota", NightlyTiers);
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);

        await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song());
        var afterOne = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/users/me/quota?venueId={slug}");
        await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song());
        using var overQuota = await patron.SendAsync(HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song());
        var usedUp = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/users/me/quota?venueId={slug}");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/venues/{slug}/quota/patrons/{patron.UserId}", new { tier = "Late" });
        var promoted = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/users/me/quota?venueId={slug}");
        await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song());
        var afterPromotion = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/users/me/quota?venueId={slug}");
        var guestQuota = await GuestQuotaAsync(guest, slug);
        var queue = await VenueActions.QueueAsync(app.Client, guest, slug);

        Assert.Equal(("Regular", 2, 1, 1), Figures(afterOne));
        Assert.Equal(NightOf(DateTimeOffset.UtcNow), afterOne.GetProperty("currentPeriod").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overQuota.StatusCode);
        Assert.Equal("QUOTA_EXCEEDED", (await EnvelopeJson.ErrorOfAsync(overQuota)).GetProperty("code").GetString());
        Assert.Equal(("Regular", 2, 2, 0), Figures(usedUp));
        // A bigger allowance counts what was already used tonight.
        Assert.Equal(("Late", 4, 2, 2), Figures(promoted));
        Assert.Equal(("Late", 4, 3, 1), Figures(afterPromotion));
        Assert.Equal(3, queue.GetProperty("items").GetArrayLength());
        Assert.Equal(("Regular", 2, 0, 2), Figures(guestQuota));
    }

    [Fact]
    public async Task Moving_between_a_nightly_and_a_monthly_tier_keeps_counting_the_requests_already_made()
    {
        var (owner, _, slug) = await VenueAsync();
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/venues/{slug}/quota", TwoTiers);
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song());
        await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song());

        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/venues/{slug}/quota/patrons/{patron.UserId}", new { tier = "VIP" });
        var monthly = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/users/me/quota?venueId={slug}");
        await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song());
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/v1/venues/{slug}/quota/patrons/{patron.UserId}");
        var nightlyAgain = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/users/me/quota?venueId={slug}");
        using var overTonights = await patron.SendAsync(HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song());

        // This month's requests are the two made tonight; back on the nightly tier, tonight's three all count.
        Assert.Equal(("VIP", 5, 2, 3), Figures(monthly));
        Assert.Equal(("Regular", 2, 3, 0), Figures(nightlyAgain));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overTonights.StatusCode);
    }

    [Fact]
    public async Task Only_a_signed_in_patron_or_a_guest_of_that_venue_reads_an_allowance_and_only_for_a_venue_that_exists()
    {
        var (owner, _, slug) = await VenueAsync();
        var otherSlug = await owner.CreateVenueAsync();
        var guestElsewhere = await ApiUser.GuestTokenAsync(app.Client, otherSlug);
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");

        using var noVenue = await patron.SendAsync(HttpMethod.Get, "/v1/users/me/quota");
        using var unknown = await patron.SendAsync(HttpMethod.Get, $"/v1/users/me/quota?venueId=no-such-{Guid.NewGuid():N}"[..40]);
        using var wrongVenue = await ApiUser.SendAsync(app.Client, HttpMethod.Get, $"/v1/users/me/quota?venueId={slug}", guestElsewhere);
        using var anonymous = await ApiUser.SendAsync(app.Client, HttpMethod.Get, $"/v1/users/me/quota?venueId={slug}", null);
        var unlimited = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/users/me/quota?venueId={slug}");

        Assert.Equal(HttpStatusCode.BadRequest, noVenue.StatusCode);
        Assert.Equal("venueId", (await EnvelopeJson.ErrorOfAsync(noVenue)).GetProperty("details")[0].GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("VENUE_NOT_FOUND", (await EnvelopeJson.ErrorOfAsync(unknown)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, wrongVenue.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(0, unlimited.GetProperty("requestsUsed").GetInt32());
        Assert.Equal(JsonValueKind.Null, unlimited.GetProperty("requestsAllowed").ValueKind);
    }

    [Fact]
    public async Task A_rejected_request_gives_its_place_in_the_allowance_back()
    {
        var (owner, _, slug) = await VenueAsync();
        await owner.SetSettingsAsync(slug, new { approvalRequired = true });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/venues/{slug}/quota",
            new { tiers = new[] { new { name = "One", requestsAllowed = 1, period = "NIGHT" } }, defaultTier = "One" });
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);

        var first = await VenueActions.RequestAsync(app.Client, guest, slug, "First Try");
        using var second = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/queue", guest, ApiUser.Song("Second Try"));
        var used = await GuestQuotaAsync(guest, slug);
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{first}/respond", new { status = "rejected" });
        var givenBack = await GuestQuotaAsync(guest, slug);
        var third = await VenueActions.RequestAsync(app.Client, guest, slug, "Third Try");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{third}/respond", new { status = "approved" });
        var approvedCounts = await GuestQuotaAsync(guest, slug);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("QUOTA_EXCEEDED", (await EnvelopeJson.ErrorOfAsync(second)).GetProperty("code").GetString());
        Assert.Equal(("One", 1, 1, 0), Figures(used));
        Assert.Equal(("One", 1, 0, 1), Figures(givenBack));
        Assert.Equal(("One", 1, 1, 0), Figures(approvedCounts));
    }

    [Fact]
    public async Task A_nightly_allowance_renews_at_six_in_the_morning_venue_time()
    {
        var (owner, _, slug) = await VenueAsync();
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/venues/{slug}/quota",
            new { tiers = new[] { new { name = "Nightly", requestsAllowed = 1, period = "NIGHT" } }, defaultTier = "Nightly" });
        // Tokens are issued on the real clock before it moves; they stay good while the venue's clock is shifted.
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var renewsAt = NextSixAm(DateTimeOffset.UtcNow);
        try
        {
            app.Clock.Offset = renewsAt - TimeSpan.FromMinutes(10) - DateTimeOffset.UtcNow;
            await VenueActions.RequestAsync(app.Client, guest, slug, "Last Call");
            using var oneTooMany = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/queue", guest, ApiUser.Song("One More"));
            var beforeSix = await GuestQuotaAsync(guest, slug);

            app.Clock.Offset = renewsAt + TimeSpan.FromMinutes(10) - DateTimeOffset.UtcNow;
            var afterSix = await GuestQuotaAsync(guest, slug);
            await VenueActions.RequestAsync(app.Client, guest, slug, "Breakfast Song");
            using var againTooMany = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/queue", guest, ApiUser.Song("Second Breakfast"));

            Assert.Equal(HttpStatusCode.UnprocessableEntity, oneTooMany.StatusCode);
            Assert.Equal(("Nightly", 1, 1, 0), Figures(beforeSix));
            Assert.Equal(NightOf(renewsAt - TimeSpan.FromMinutes(10)), beforeSix.GetProperty("currentPeriod").GetString());
            Assert.Equal(("Nightly", 1, 0, 1), Figures(afterSix));
            Assert.Equal(NightOf(renewsAt + TimeSpan.FromMinutes(10)), afterSix.GetProperty("currentPeriod").GetString());
            Assert.NotEqual(beforeSix.GetProperty("currentPeriod").GetString(), afterSix.GetProperty("currentPeriod").GetString());
            Assert.Equal(HttpStatusCode.UnprocessableEntity, againTooMany.StatusCode);
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_patron_moved_to_another_tier_hears_their_new_allowance()
    {
        var (owner, _, slug) = await VenueAsync();
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/venues/{slug}/quota", NightlyTiers);
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        var other = await ApiUser.RegisterAsync(app.Client, "other");
        await using var phone = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, patron.Token);
        await using var otherPhone = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, other.Token);
        (await phone.InvokeAsync("JoinVenue", slug, null)).Ok("the patron joining");
        (await otherPhone.InvokeAsync("JoinVenue", slug, null)).Ok("another patron joining");
        await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song());

        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/venues/{slug}/quota/patrons/{patron.UserId}", new { tier = "Late" });
        var promoted = await phone.WaitForAsync("quota_update", p => Quota(p) is { } q && q.GetProperty("tier").GetString() == "Late");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/v1/venues/{slug}/quota/patrons/{patron.UserId}");
        var demoted = await phone.WaitForAsync("quota_update", p => Quota(p) is { } q && q.GetProperty("tier").GetString() == "Regular"
            && p.GetProperty("seq").GetInt64() > promoted.Seq);

        Assert.Equal(("Late", 4, 1, 3), Figures(promoted.Payload.GetProperty("quota")));
        Assert.Equal(("Regular", 2, 1, 1), Figures(demoted.Payload.GetProperty("quota")));
        Assert.DoesNotContain(otherPhone.Events, e => e.Target == "quota_update");
    }

    [Fact]
    public async Task A_patron_asks_for_their_allowance_over_the_hub_and_only_patrons_of_the_venue_may()
    {
        var (owner, _, slug) = await VenueAsync();
        var (_, _, elsewhere) = await VenueAsync();
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/venues/{slug}/quota", NightlyTiers);
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        await VenueActions.RequestAsync(app.Client, guest, slug);
        await using var kiosk = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, guest);
        var (player, _) = await VenueActions.PairAsync(app.Client, owner, slug);
        await using var screen = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, player);

        var refreshed = (await kiosk.InvokeAsync("RefreshQuota", slug)).Ok("a guest asking for their allowance");
        var pushed = await kiosk.WaitForAsync("quota_update");
        var otherVenue = await kiosk.InvokeAsync("RefreshQuota", elsewhere);
        var fromPlayer = await screen.InvokeAsync("RefreshQuota", slug);

        Assert.Equal(("Regular", 2, 1, 1), Figures(refreshed));
        Assert.Equal(("Regular", 2, 1, 1), Figures(pushed.Payload.GetProperty("quota")));
        Assert.Contains("PATRON_REQUIRED", otherVenue.Error);
        Assert.Contains("PATRON_REQUIRED", fromPlayer.Error);
    }

    private async Task<(ApiUser Owner, Guid CustomerId, string Slug)> VenueAsync()
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { maxPendingPerPatron = 50, noRepeatMinutes = 0 });
        return (owner, customerId, slug);
    }

    private async Task<JsonElement> GuestQuotaAsync(string guestToken, string slug)
    {
        using var response = await ApiUser.SendAsync(app.Client, HttpMethod.Get, $"/v1/users/me/quota?venueId={slug}", guestToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await EnvelopeJson.DataOfAsync(response);
    }

    private static JsonElement? Quota(JsonElement quotaUpdate) =>
        quotaUpdate.TryGetProperty("quota", out var quota) && quota.ValueKind == JsonValueKind.Object ? quota : null;

    private static (string? Tier, int Allowed, int Used, int Remaining) Figures(JsonElement quota) => (
        quota.GetProperty("tier").GetString(),
        quota.GetProperty("requestsAllowed").GetInt32(),
        quota.GetProperty("requestsUsed").GetInt32(),
        quota.GetProperty("requestsRemaining").GetInt32());

    private static List<(string?, int, string?)> Tiers(JsonElement policy) =>
        [.. policy.GetProperty("tiers").EnumerateArray().Select(t => (t.GetProperty("name").GetString(), t.GetProperty("requestsAllowed").GetInt32(), t.GetProperty("period").GetString()))];

    /// <summary>The night an instant falls in at the venue (London): a night runs from 06:00 to 06:00 and is named by its evening's date.</summary>
    private static string NightOf(DateTimeOffset instant) =>
        (TimeZoneInfo.ConvertTime(instant, London) - TimeSpan.FromHours(6)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The next 06:00 in London after <paramref name="instant"/>.</summary>
    private static DateTimeOffset NextSixAm(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, London);
        var day = local.TimeOfDay < TimeSpan.FromHours(6) ? local.Date : local.Date.AddDays(1);
        var sixAm = day.AddHours(6);
        return new DateTimeOffset(sixAm, London.GetUtcOffset(sixAm));
    }
}
