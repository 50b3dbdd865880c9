using System.Net;
using System.Text.Json;

namespace Singr.Api.Tests;

/// <summary>
/// Venues that approve requests (book requests' workflow): a patron's request waits as <c>pending</c> outside the
/// queue; a host claims it, approves it (it joins the queue) or rejects it (it never does, and what it held goes back),
/// then marks it sung; the patron replies once. Every move from the wrong status is a 409 that says where it stands.
/// </summary>
public sealed class ApprovalWorkflowTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_patrons_request_waits_outside_the_queue_until_a_host_claims_and_approves_it()
    {
        var (owner, _, slug) = await ApprovalVenueAsync();
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);

        var requested = await RequestAsync(guest, slug, "Waiting Song");
        var queueWhilePending = await VenueActions.QueueAsync(app.Client, guest, slug);
        var accepted = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{requested}/accept");
        var queueWhileClaimed = await VenueActions.QueueAsync(app.Client, guest, slug);
        var approved = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{requested}/respond",
            new { status = "approved", message = "Great pick, you're on after the break!" });
        var queueAfter = await VenueActions.QueueAsync(app.Client, guest, slug);

        Assert.DoesNotContain(requested, QueueIds(queueWhilePending));
        Assert.DoesNotContain(requested, QueueIds(queueWhileClaimed));
        Assert.Equal(requested, accepted.GetProperty("id").GetGuid());
        Assert.Equal(slug, accepted.GetProperty("venueId").GetString());
        Assert.Equal("pending", Approval(accepted).GetProperty("status").GetString());
        Assert.Equal(owner.UserId, Approval(accepted).GetProperty("acceptedBy").GetGuid());
        Assert.Equal("owner", Approval(accepted).GetProperty("acceptedByName").GetString());
        Assert.True(DateTimeOffset.UtcNow - Approval(accepted).GetProperty("acceptedAt").GetDateTimeOffset() < TimeSpan.FromMinutes(1));
        Assert.Equal("approved", Approval(approved).GetProperty("status").GetString());
        Assert.Equal("queued", approved.GetProperty("status").GetString());
        Assert.Equal("Great pick, you're on after the break!", Approval(approved).GetProperty("responseMessage").GetString());
        Assert.Equal(owner.UserId, Approval(approved).GetProperty("respondedBy").GetGuid());
        Assert.Contains(requested, QueueIds(queueAfter));
        Assert.Equal("Waiting Song", queueAfter.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == requested).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Once_a_host_claims_a_request_another_host_cannot_and_the_team_sees_who_by_their_current_nickname()
    {
        var (owner, customerId, slug) = await ApprovalVenueAsync();
        var staff = await ApiUser.RegisterAsync(app.Client, "staff");
        await owner.AddMemberAsync(staff, customerId, "customer_staff");
        // The nickname is set after the staff member's token was issued: the name shown is the account's, as it is now.
        var tokenBeforeNickname = staff.Token;
        await staff.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/v1/auth/me/singer-profile", new { nickname = "KJ Sam" });
        staff.Token = tokenBeforeNickname;
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var requested = await RequestAsync(guest, slug);

        var claimed = await staff.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{requested}/accept");
        using var ownerClaims = await owner.SendAsync(HttpMethod.Post, $"/v1/customer/requests/{requested}/accept");

        Assert.Equal(staff.UserId, Approval(claimed).GetProperty("acceptedBy").GetGuid());
        Assert.Equal("KJ Sam", Approval(claimed).GetProperty("acceptedByName").GetString());
        Assert.Equal(HttpStatusCode.Conflict, ownerClaims.StatusCode);
        Assert.Equal("REQUEST_ALREADY_ACCEPTED", (await EnvelopeJson.ErrorOfAsync(ownerClaims)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("ON_PLAY")]
    [InlineData("ON_REQUEST")]
    public async Task A_rejected_request_never_joins_the_queue_and_a_paid_venue_gives_the_patron_its_credits_back(string chargeAt)
    {
        var (owner, _, slug) = await ApprovalVenueAsync();
        await owner.SetSettingsAsync(slug, new { mode = "PAID", costPerSong = 3, chargeAt });
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        await app.GrantCreditsAsync(patron.UserId, 10);

        var rejected = await RequestAsync(patron.Token, slug, "Not Tonight");
        var approved = await RequestAsync(patron.Token, slug, "Yes Please");
        var whilePending = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");
        var refusal = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{rejected}/respond",
            new { status = "rejected", message = "We don't play that one here, sorry." });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{approved}/respond", new { status = "approved" });
        var after = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");
        var queue = await VenueActions.QueueAsync(app.Client, patron.Token, slug);

        Assert.Equal(4, whilePending.GetProperty("available").GetInt32());
        Assert.Equal("rejected", refusal.GetProperty("status").GetString());
        Assert.Equal("rejected", Approval(refusal).GetProperty("status").GetString());
        Assert.Equal("We don't play that one here, sorry.", Approval(refusal).GetProperty("responseMessage").GetString());
        Assert.DoesNotContain(rejected, QueueIds(queue));
        Assert.Contains(approved, QueueIds(queue));
        // Only the approved request costs: its 3 credits are held until it plays (ON_PLAY) or spent (ON_REQUEST).
        var chargedNow = chargeAt == "ON_REQUEST";
        Assert.Equal(
            chargedNow ? (7, 0, 7) : (10, 3, 7),
            (after.GetProperty("balance").GetInt32(), after.GetProperty("held").GetInt32(), after.GetProperty("available").GetInt32()));
        var ledger = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits/transactions");
        Assert.Equal(
            chargedNow ? ["SPENT", "EARNED"] : ["EARNED"],
            ledger.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList());
    }

    [Fact]
    public async Task Only_an_approved_request_can_be_fulfilled_and_each_wrong_move_names_the_status_it_found()
    {
        var (owner, _, slug) = await ApprovalVenueAsync();
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var pending = await RequestAsync(guest, slug);
        var rejected = await RequestAsync(guest, slug);
        var approved = await RequestAsync(guest, slug);
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{rejected}/respond", new { status = "rejected" });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{approved}/respond", new { status = "approved" });

        await AssertConflictAsync(owner, HttpMethod.Post, $"/v1/customer/requests/{pending}/fulfill", null, "pending");
        await AssertConflictAsync(owner, HttpMethod.Post, $"/v1/customer/requests/{rejected}/fulfill", null, "rejected");
        var fulfilled = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{approved}/fulfill");
        var queue = await VenueActions.QueueAsync(app.Client, guest, slug);

        Assert.Equal("fulfilled", Approval(fulfilled).GetProperty("status").GetString());
        Assert.DoesNotContain(approved, QueueIds(queue));

        // Answered requests cannot be answered, claimed or fulfilled again; each refusal says where the request stands.
        await AssertConflictAsync(owner, HttpMethod.Post, $"/v1/customer/requests/{approved}/fulfill", null, "fulfilled");
        await AssertConflictAsync(owner, HttpMethod.Post, $"/v1/customer/requests/{approved}/respond", new { status = "rejected" }, "fulfilled");
        await AssertConflictAsync(owner, HttpMethod.Post, $"/v1/customer/requests/{approved}/accept", null, "fulfilled");
        await AssertConflictAsync(owner, HttpMethod.Post, $"/v1/customer/requests/{rejected}/respond", new { status = "approved" }, "rejected");
        await AssertConflictAsync(owner, HttpMethod.Post, $"/v1/customer/requests/{rejected}/accept", null, "rejected");
        var stillPending = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{pending}/respond", new { status = "approved" });
        await AssertConflictAsync(owner, HttpMethod.Post, $"/v1/customer/requests/{pending}/respond", new { status = "approved" }, "approved");
        await AssertConflictAsync(owner, HttpMethod.Post, $"/v1/customer/requests/{pending}/accept", null, "approved");
        Assert.Equal("approved", Approval(stillPending).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_request_in_a_venue_that_does_not_approve_requests_has_no_approval_to_give()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var queued = await VenueActions.RequestAsync(app.Client, guest, slug);

        using var respond = await owner.SendAsync(HttpMethod.Post, $"/v1/customer/requests/{queued}/respond", new { status = "rejected" });

        Assert.Equal(HttpStatusCode.Conflict, respond.StatusCode);
        var error = await EnvelopeJson.ErrorOfAsync(respond);
        Assert.Equal("REQUEST_STATUS_CONFLICT", error.GetProperty("code").GetString());
        Assert.Contains("queued", error.GetProperty("details")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(queued, QueueIds(await VenueActions.QueueAsync(app.Client, guest, slug)));
    }

    [Fact]
    public async Task A_host_answers_approved_or_rejected_with_a_message_of_at_most_500_characters()
    {
        var (owner, _, slug) = await ApprovalVenueAsync();
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var requested = await RequestAsync(guest, slug);

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { status = "fulfilled" }, "status"),
            (new { status = "pending" }, "status"),
            (new { status = "APPROVED" }, "status"),
            (new { message = "No status" }, "status"),
            (new { status = "approved", message = new string('x', 501) }, "message"),
        })
        {
            using var refused = await owner.SendAsync(HttpMethod.Post, $"/v1/customer/requests/{requested}/respond", body);
            Assert.True(HttpStatusCode.BadRequest == refused.StatusCode, $"{JsonSerializer.Serialize(body)}: {refused.StatusCode}");
            var error = await EnvelopeJson.ErrorOfAsync(refused);
            Assert.Equal("VALIDATION_ERROR", error.GetProperty("code").GetString());
            Assert.Contains(field, error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()));
        }

        var longest = new string('y', 500);
        var answered = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{requested}/respond", new { status = "approved", message = longest });
        Assert.Equal(longest, Approval(answered).GetProperty("responseMessage").GetString());
    }

    [Fact]
    public async Task The_requester_replies_once_after_the_hosts_answer_never_to_a_rejection_and_nobody_else_can()
    {
        var (owner, _, slug) = await ApprovalVenueAsync();
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        var stranger = await ApiUser.RegisterAsync(app.Client, "stranger");
        var otherGuest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var (elsewhereOwner, _) = await ApiUser.RegisterOwnerAsync(app.Client, "elsewhere");
        var elsewhereGuest = await ApiUser.GuestTokenAsync(app.Client, await elsewhereOwner.CreateVenueAsync());
        var answered = await RequestAsync(patron.Token, slug);
        var rejected = await RequestAsync(patron.Token, slug);
        var reply = $"/v1/venues/{slug}/requests/{answered}/reply";

        await AssertConflictAsync(patron, HttpMethod.Post, reply, new { message = "Too early" }, "pending");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{answered}/respond", new { status = "approved", message = "You're up at 10" });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{rejected}/respond", new { status = "rejected" });
        using var byStranger = await stranger.SendAsync(HttpMethod.Post, reply, new { message = "Not mine" });
        using var byOtherGuest = await ApiUser.SendAsync(app.Client, HttpMethod.Post, reply, otherGuest, new { message = "Not mine either" });
        using var byGuestElsewhere = await ApiUser.SendAsync(app.Client, HttpMethod.Post, reply, elsewhereGuest, new { message = "Wrong venue" });
        using var empty = await patron.SendAsync(HttpMethod.Post, reply, new { message = "   " });
        using var tooLong = await patron.SendAsync(HttpMethod.Post, reply, new { message = new string('z', 501) });
        var replied = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, reply, new { message = "Thanks, I'll be ready!" });
        using var again = await patron.SendAsync(HttpMethod.Post, reply, new { message = "Me again" });
        await AssertConflictAsync(patron, HttpMethod.Post, $"/v1/venues/{slug}/requests/{rejected}/reply", new { message = "Why not?" }, "rejected");

        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal("REQUEST_NOT_FOUND", (await EnvelopeJson.ErrorOfAsync(byStranger)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, byOtherGuest.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byGuestElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("Thanks, I'll be ready!", Approval(replied).GetProperty("patronReply").GetString());
        Assert.Equal("You're up at 10", Approval(replied).GetProperty("responseMessage").GetString());
        Assert.Equal(slug, replied.GetProperty("venueId").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("REPLY_ALREADY_SENT", (await EnvelopeJson.ErrorOfAsync(again)).GetProperty("code").GetString());
        var seenByHost = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{answered}/fulfill");
        Assert.Equal("Thanks, I'll be ready!", Approval(seenByHost).GetProperty("patronReply").GetString());
    }

    [Fact]
    public async Task Eight_hosts_rejecting_the_same_request_at_once_reject_it_once_and_give_back_its_quota_and_credits_once()
    {
        var (owner, _, slug) = await ApprovalVenueAsync();
        await owner.SetSettingsAsync(slug, new { mode = "PAID", costPerSong = 2, chargeAt = "ON_PLAY" });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/venues/{slug}/quota",
            new { tiers = new[] { new { name = "regular", requestsAllowed = 5, period = "NIGHT" } }, defaultTier = "regular" });
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        await app.GrantCreditsAsync(patron.UserId, 10);
        await RequestAsync(patron.Token, slug);
        var contested = await RequestAsync(patron.Token, slug);
        var before = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/users/me/quota?venueId={slug}");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            owner.SendAsync(HttpMethod.Post, $"/v1/customer/requests/{contested}/respond", new { status = "rejected", message = $"No ({i})" })));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        var conflicts = new List<JsonElement>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            conflicts.Add(await EnvelopeJson.ErrorOfAsync(response));
        }

        foreach (var response in responses)
        {
            response.Dispose();
        }

        var quota = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/users/me/quota?venueId={slug}");
        var credits = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.All(conflicts, c => Assert.Equal("REQUEST_STATUS_CONFLICT", c.GetProperty("code").GetString()));
        Assert.All(conflicts, c => Assert.Contains("rejected", c.GetProperty("details")[0].GetProperty("message").GetString(), StringComparison.Ordinal));
        Assert.Equal(2, before.GetProperty("requestsUsed").GetInt32());
        // The other request still counts: one rejection gave back one request and one request's credits, not eight.
        Assert.Equal((1, 4), (quota.GetProperty("requestsUsed").GetInt32(), quota.GetProperty("requestsRemaining").GetInt32()));
        Assert.Equal((10, 2, 8), (credits.GetProperty("balance").GetInt32(), credits.GetProperty("held").GetInt32(), credits.GetProperty("available").GetInt32()));
    }

    [Fact]
    public async Task The_patron_hears_each_answer_with_the_hosts_message_and_their_allowance_and_the_team_hears_every_change()
    {
        var (owner, customerId, slug) = await ApprovalVenueAsync();
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/venues/{slug}/quota",
            new { tiers = new[] { new { name = "regular", requestsAllowed = 3, period = "NIGHT" } }, defaultTier = "regular" });
        var staff = await ApiUser.RegisterAsync(app.Client, "staff");
        await owner.AddMemberAsync(staff, customerId, "customer_staff");
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        var bystander = await ApiUser.GuestTokenAsync(app.Client, slug);
        await using var phone = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, patron.Token);
        await using var kiosk = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, bystander);
        await using var dashboard = await HubConnections.ConnectAsync(app.Factory, HubConnections.CustomerHub, staff.Token);
        (await phone.InvokeAsync("JoinVenue", slug, null)).Ok("the patron joining");
        (await kiosk.InvokeAsync("JoinVenue", slug, null)).Ok("another guest joining");
        // The dashboard counts the venue's requests once it follows it; from then on it misses nothing.
        await dashboard.WaitForAsync("pending_count_update", p => p.GetProperty("venueId").GetString() == slug);

        var approved = await RequestAsync(patron.Token, slug, "Approve Me");
        var created = await phone.WaitForAsync("request:update", p => RequestId(p) == approved && Action(p) == "created");
        var createdQuota = await phone.WaitForAsync("quota_update", p => p.GetProperty("seq").GetInt64() == created.Seq);
        var teamNew = await dashboard.WaitForAsync("request:new", p => RequestId(p) == approved);
        var teamCount = await dashboard.WaitForAsync("pending_count_update", p => p.GetProperty("seq").GetInt64() == teamNew.Seq);

        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{approved}/accept");
        var claimed = await phone.WaitForAsync("request:update", p => RequestId(p) == approved && Action(p) == "accepted");
        await phone.WaitForAsync("quota_update", p => p.GetProperty("seq").GetInt64() == claimed.Seq);
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{approved}/respond", new { status = "approved", message = "Warm up, you're next!" });
        var answered = await phone.WaitForAsync("request:update", p => RequestId(p) == approved && Action(p) == "status_changed");
        var answeredQuota = await phone.WaitForAsync("quota_update", p => p.GetProperty("seq").GetInt64() == answered.Seq);
        var teamAnswered = await dashboard.WaitForAsync("request:update", p => RequestId(p) == approved && ApprovalStatus(p) == "approved");
        var teamCountAfter = await dashboard.WaitForAsync("pending_count_update", p => p.GetProperty("seq").GetInt64() == teamAnswered.Seq);

        var rejected = await RequestAsync(patron.Token, slug, "Reject Me");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{rejected}/respond", new { status = "rejected", message = "Not tonight" });
        var refusal = await phone.WaitForAsync("request:update", p => RequestId(p) == rejected && ApprovalStatus(p) == "rejected");
        var refund = await phone.WaitForAsync("quota_update", p => p.GetProperty("seq").GetInt64() == refusal.Seq);
        await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/venues/{slug}/requests/{approved}/reply", new { message = "On my way" });
        var replied = await phone.WaitForAsync("request:update", p => RequestId(p) == approved && Action(p) == "reply_added");
        var teamReplied = await dashboard.WaitForAsync("request:update", p => RequestId(p) == approved && Reply(p) == "On my way");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{approved}/fulfill");
        var sung = await phone.WaitForAsync("request:update", p => RequestId(p) == approved && Action(p) == "fulfilled");
        var teamSung = await dashboard.WaitForAsync("request:update", p => RequestId(p) == approved && ApprovalStatus(p) == "fulfilled");
        await kiosk.WaitForAsync("queue:insert", p => p.GetProperty("item").GetProperty("id").GetGuid() == approved);
        await kiosk.WaitForAsync("queue:update", p => p.GetProperty("item").GetProperty("id").GetGuid() == approved);

        Assert.Equal("pending", ApprovalStatus(created.Payload));
        Assert.Equal((3, 1, 2), QuotaFigures(createdQuota.Payload));
        Assert.Equal(slug, teamNew.Payload.GetProperty("venueId").GetString());
        Assert.Equal("Approve Me", teamNew.Payload.GetProperty("request").GetProperty("title").GetString());
        Assert.Equal(1, teamCount.Payload.GetProperty("awaitingApproval").GetInt32());
        Assert.Equal(owner.UserId, claimed.Payload.GetProperty("request").GetProperty("approval").GetProperty("acceptedBy").GetGuid());
        Assert.Equal("Warm up, you're next!", answered.Payload.GetProperty("request").GetProperty("approval").GetProperty("responseMessage").GetString());
        // An approval leaves the allowance as it was, and says so.
        Assert.Equal((3, 1, 2), QuotaFigures(answeredQuota.Payload));
        Assert.Equal(0, teamCountAfter.Payload.GetProperty("awaitingApproval").GetInt32());
        Assert.Equal("Not tonight", refusal.Payload.GetProperty("request").GetProperty("approval").GetProperty("responseMessage").GetString());
        Assert.Equal((3, 1, 2), QuotaFigures(refund.Payload));
        Assert.Equal("On my way", Reply(replied.Payload));
        Assert.Equal(slug, teamReplied.Payload.GetProperty("venueId").GetString());
        Assert.Equal(("fulfilled", "played"), (ApprovalStatus(sung.Payload), sung.Payload.GetProperty("request").GetProperty("status").GetString()));
        Assert.Equal("played", teamSung.Payload.GetProperty("request").GetProperty("status").GetString());
        // The host's messages to the patron are theirs alone: another guest in the room sees the queue, not the answers.
        Assert.DoesNotContain(kiosk.Events, e => e.Target is "request:update" or "quota_update");
        Assert.DoesNotContain(kiosk.Events, e => e.Payload.ToString().Contains("Warm up", StringComparison.Ordinal));
        Assert.DoesNotContain(kiosk.Events, e => e.Payload.ToString().Contains("Not tonight", StringComparison.Ordinal));
    }

    private Task<(ApiUser Owner, Guid CustomerId, string Slug)> ApprovalVenueAsync() => ApprovalVenues.CreateAsync(app.Client);

    private Task<Guid> RequestAsync(string token, string slug, string? title = null) => ApprovalVenues.RequestAsync(app.Client, token, slug, title);

    private static async Task AssertConflictAsync(ApiUser caller, HttpMethod method, string path, object? body, string currentStatus)
    {
        using var response = await caller.SendAsync(method, path, body);
        Assert.True(HttpStatusCode.Conflict == response.StatusCode, $"{method} {path}: expected 409, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var error = await EnvelopeJson.ErrorOfAsync(response);
        Assert.Equal("REQUEST_STATUS_CONFLICT", error.GetProperty("code").GetString());
        var detail = Assert.Single(error.GetProperty("details").EnumerateArray());
        Assert.Equal("status", detail.GetProperty("field").GetString());
        Assert.Equal($"The request is {currentStatus}.", detail.GetProperty("message").GetString());
    }

    private static JsonElement Approval(JsonElement request) => request.GetProperty("approval");

    private static List<Guid> QueueIds(JsonElement queue) => [.. queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    private static Guid? RequestId(JsonElement payload) =>
        payload.TryGetProperty("request", out var request) && request.TryGetProperty("id", out var id) ? id.GetGuid() : null;

    private static string? Action(JsonElement payload) => payload.TryGetProperty("action", out var action) ? action.GetString() : null;

    private static string? ApprovalStatus(JsonElement payload) =>
        payload.TryGetProperty("request", out var request) && request.TryGetProperty("approval", out var approval) && approval.ValueKind == JsonValueKind.Object
            ? approval.GetProperty("status").GetString()
            : null;

    private static string? Reply(JsonElement payload) =>
        payload.TryGetProperty("request", out var request) && request.TryGetProperty("approval", out var approval) && approval.ValueKind == JsonValueKind.Object
            ? approval.GetProperty("patronReply").GetString()
            : null;

    private static (int Allowed, int Used, int Remaining) QuotaFigures(JsonElement quotaUpdate)
    {
        var quota = quotaUpdate.GetProperty("quota");
        return (quota.GetProperty("requestsAllowed").GetInt32(), quota.GetProperty("requestsUsed").GetInt32(), quota.GetProperty("requestsRemaining").GetInt32());
    }
}
