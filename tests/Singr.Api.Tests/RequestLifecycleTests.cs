using System.Net;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Quotas;
using Singr.Grains.Interfaces.Requests;

namespace Singr.Api.Tests;

/// <summary>
/// The venue grain's side of approval, processing and quotas, driven through its grain interfaces where the
/// endpoints only forward: what happens to credits, the queue and the rows when a request is answered, played or removed.
/// </summary>
public sealed class RequestLifecycleTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task A_paid_request_awaiting_approval_holds_its_credits_until_answered_then_spends_or_releases_them()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { mode = "PAID", costPerSong = 2, approvalRequired = true });
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        await app.GrantCreditsAsync(patron.UserId, 5);
        var venueId = await VenueIdAsync(slug);
        var requests = app.Grains.GetGrain<IVenueRequestsGrain>(venueId);

        var approved = await RequestAsync(patron, slug, "Approve me");
        var rejected = await RequestAsync(patron, slug, "Reject me");
        var whileWaiting = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");
        var queueWhileWaiting = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/queue");

        var yes = await requests.Respond(new RespondToRequest(approved, ApprovalStatuses.Approved, "See you on stage", Host(owner), Stamp(owner)));
        var no = await requests.Respond(new RespondToRequest(rejected, ApprovalStatuses.Rejected, "Not tonight", Host(owner), Stamp(owner)));
        var afterAnswers = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");
        var ledger = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits/transactions");
        var queue = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/queue");

        Assert.Equal((5, 4, 1), (whileWaiting.GetProperty("balance").GetInt32(), whileWaiting.GetProperty("held").GetInt32(), whileWaiting.GetProperty("available").GetInt32()));
        Assert.Empty(queueWhileWaiting.GetProperty("items").EnumerateArray());
        Assert.Equal(2, queueWhileWaiting.GetProperty("awaitingApproval").GetInt32());
        Assert.Equal(("queued", "approved", "See you on stage"), (yes.Value!.Status, yes.Value.Approval!.Status, yes.Value.Approval.ResponseMessage));
        Assert.Equal(("rejected", "rejected"), (no.Value!.Status, no.Value.Approval!.Status));
        Assert.Equal((3, 0, 3), (afterAnswers.GetProperty("balance").GetInt32(), afterAnswers.GetProperty("held").GetInt32(), afterAnswers.GetProperty("available").GetInt32()));
        Assert.Equal(["SPENT", "EARNED"], ledger.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList());
        Assert.Equal([approved], queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList());
    }

    [Fact]
    public async Task An_approved_request_the_player_sings_becomes_fulfilled_and_processed_and_the_patron_may_reply_once()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { approvalRequired = true });
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        var venueId = await VenueIdAsync(slug);
        var requests = app.Grains.GetGrain<IVenueRequestsGrain>(venueId);
        var (player, _) = await VenueActions.PairAsync(app.Client, owner, slug);
        var id = await RequestAsync(patron, slug, "Sing me");
        var tooEarly = await requests.Reply(new ReplyToRequest(id, $"user:{patron.UserId}", "Thanks!"));
        await requests.Respond(new RespondToRequest(id, ApprovalStatuses.Approved, null, Host(owner), Stamp(owner)));

        await VenueActions.ReportAsync(app.Client, player, slug, "playing", id);
        await VenueActions.ReportAsync(app.Client, player, slug, "idle", null);
        var reply = await requests.Reply(new ReplyToRequest(id, $"user:{patron.UserId}", "Thanks!"));
        var again = await requests.Reply(new ReplyToRequest(id, $"user:{patron.UserId}", "Thanks again!"));
        var stranger = await requests.Reply(new ReplyToRequest(id, "guest:someone-else", "Me too"));
        var row = await app.Database.ScalarAsync<string>(
            "SELECT concat_ws('|', status, approval_status, processed::text, patron_reply) FROM song_requests WHERE id = $1", id);

        Assert.Equal(("REQUEST_STATUS_CONFLICT", "pending"), (tooEarly.Error, tooEarly.Value!.Approval!.Status));
        Assert.Equal(("played", "fulfilled", true, "Thanks!"), (reply.Value!.Status, reply.Value.Approval!.Status, reply.Value.Processed, reply.Value.Approval.PatronReply));
        Assert.Equal("REPLY_ALREADY_SENT", again.Error);
        Assert.Equal("REQUEST_NOT_FOUND", stranger.Error);
        Assert.Equal("played|fulfilled|true|Thanks!", row);
    }

    [Fact]
    public async Task Removing_a_queued_on_play_request_releases_its_hold_and_hides_it_and_a_playing_one_cannot_be_removed()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { mode = "PAID", costPerSong = 1, chargeAt = "ON_PLAY" });
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        await app.GrantCreditsAsync(patron.UserId, 2);
        var venueId = await VenueIdAsync(slug);
        var requests = app.Grains.GetGrain<IVenueRequestsGrain>(venueId);
        var (player, _) = await VenueActions.PairAsync(app.Client, owner, slug);
        var playing = await RequestAsync(patron, slug, "Playing");
        var queued = await RequestAsync(patron, slug, "Queued");
        await VenueActions.ReportAsync(app.Client, player, slug, "playing", playing);

        var refused = await requests.DeleteRequest(new DeleteRequest(playing, Stamp(owner)));
        var deleted = await requests.DeleteRequest(new DeleteRequest(queued, Stamp(owner)));
        var twice = await requests.DeleteRequest(new DeleteRequest(queued, Stamp(owner)));
        var credits = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");

        Assert.Equal(("REQUEST_PLAYING", "playing"), (refused.Error, refused.Value!.Status));
        Assert.Equal("removed", deleted.Value!.Status);
        Assert.Equal("REQUEST_NOT_FOUND", twice.Error);
        Assert.Equal((1, 0), (credits.GetProperty("balance").GetInt32(), credits.GetProperty("held").GetInt32()));
        Assert.Equal(1L, await app.Database.ScalarAsync<long>("SELECT count(*) FROM song_requests WHERE venue_id = $1 AND deleted_at IS NOT NULL", venueId));
    }

    [Fact]
    public async Task An_on_play_song_that_fails_while_loading_costs_nothing_and_one_played_to_its_end_is_charged_once_over_the_hub_and_http_alike()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { mode = "PAID", costPerSong = 1, chargeAt = "ON_PLAY" });
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        await app.GrantCreditsAsync(patron.UserId, 2);
        var (playerToken, _) = await VenueActions.PairAsync(app.Client, owner, slug);
        var unavailable = await RequestAsync(patron, slug, "Taken Down");
        var fine = await RequestAsync(patron, slug, "Plays Fine");
        await using var player = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, playerToken);
        (await player.InvokeAsync("JoinVenue", slug, null)).Ok("JoinVenue");

        (await player.InvokeAsync("ReportState", slug, new { status = "buffering", itemId = unavailable, positionSeconds = 0, volume = 80 })).Ok("buffering");
        var whileLoading = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");
        (await player.InvokeAsync("ReportState", slug, new { status = "error", itemId = unavailable, positionSeconds = 0, volume = 80, errorCode = "150" })).Ok("error");
        await VenueActions.ReportAsync(app.Client, playerToken, slug, "buffering", fine);
        await VenueActions.ReportAsync(app.Client, playerToken, slug, "playing", fine);
        await VenueActions.ReportAsync(app.Client, playerToken, slug, "ended", fine);
        await VenueActions.ReportAsync(app.Client, playerToken, slug, "ended", fine);
        var credits = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/credits");
        var failed = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/customer/requests/{unavailable}");
        var played = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/customer/requests/{fine}");
        var mirror = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/player");

        Assert.Equal((2, 2), (whileLoading.GetProperty("balance").GetInt32(), whileLoading.GetProperty("held").GetInt32()));
        Assert.Equal((1, 0, 1), (credits.GetProperty("balance").GetInt32(), credits.GetProperty("held").GetInt32(), credits.GetProperty("totalSpent").GetInt32()));
        Assert.Equal(("failed", "played"), (failed.GetProperty("status").GetString(), played.GetProperty("status").GetString()));
        Assert.Equal("online", mirror.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_patron_whose_unanswered_request_a_host_deletes_hears_it_and_gets_its_place_in_the_allowance_back()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { approvalRequired = true });
        var venueId = await VenueIdAsync(slug);
        await app.Grains.GetGrain<IVenueQuotaGrain>(venueId).SetQuotaTiers(
            new SetQuotaTiers([new QuotaTier("regular", 2, QuotaPeriods.Month)], "regular", Stamp(owner)));
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        await using var phone = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, patron.Token);
        (await phone.InvokeAsync("JoinVenue", slug, null)).Ok("JoinVenue");
        var id = await RequestAsync(patron, slug, "Never Answered");

        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/v1/customer/requests/{id}");
        var deleted = await phone.WaitForAsync("request:update", p => p.GetProperty("action").GetString() == "deleted");
        var quota = await phone.WaitForAsync("quota_update", p => p.GetProperty("seq").GetInt64() == deleted.Seq);

        Assert.Equal(id, deleted.Payload.GetProperty("request").GetProperty("id").GetGuid());
        Assert.Equal("removed", deleted.Payload.GetProperty("request").GetProperty("status").GetString());
        Assert.Equal(0, quota.Payload.GetProperty("quota").GetProperty("requestsUsed").GetInt32());
    }

    [Fact]
    public async Task A_nightly_quota_counts_in_the_venues_night_and_renews_at_six_in_the_morning_there()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { noRepeatMinutes = 0, maxPendingPerPatron = 10 });
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        var venueId = await VenueIdAsync(slug);
        var quotas = app.Grains.GetGrain<IVenueQuotaGrain>(venueId);
        await quotas.SetQuotaTiers(new SetQuotaTiers([new QuotaTier("regular", 1, QuotaPeriods.Night)], "regular", Stamp(owner)));
        var key = $"user:{patron.UserId}";

        // The venue is in UTC (the default): 05:00 UTC is an hour before its night ends. Tokens are checked against
        // the real time, so the ones issued before the shift stay good.
        var night = DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(1);
        try
        {
            app.Clock.Offset = night.AddHours(5) - DateTimeOffset.UtcNow.UtcDateTime;
            await RequestAsync(patron, slug, "Last call");
            using var over = await patron.SendAsync(HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song("One more"));
            var lateNight = await quotas.GetQuota(key, patron.UserId);
            app.Clock.Offset += TimeSpan.FromHours(1.5);
            var nextNight = await quotas.GetQuota(key, patron.UserId);
            await RequestAsync(patron, slug, "New night");
            var afterNewRequest = await quotas.GetQuota(key, patron.UserId);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);
            Assert.Equal("QUOTA_EXCEEDED", (await EnvelopeJson.ErrorOfAsync(over)).GetProperty("code").GetString());
            Assert.Equal((1, 0, Day(night.AddDays(-1))), (lateNight!.RequestsUsed, lateNight.RequestsRemaining, lateNight.CurrentPeriod));
            Assert.Equal((0, 1, Day(night)), (nextNight!.RequestsUsed, nextNight.RequestsRemaining, nextNight.CurrentPeriod));
            Assert.Equal(0, afterNewRequest!.RequestsRemaining);
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
    }

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Guid> RequestAsync(ApiUser patron, string slug, string title) =>
        (await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song(title))).GetProperty("item").GetProperty("id").GetGuid();

    private Task<Guid> VenueIdAsync(string slug) => app.Database.ScalarAsync<Guid>("SELECT id FROM venues WHERE slug = $1", slug);

    private static HostIdentity Host(ApiUser host) => new(host.UserId, "Host");

    private static AuditStamp Stamp(ApiUser host) => new(host.UserId, host.Email, null, null, "customer_owner", null, null);
}
