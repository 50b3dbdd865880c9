using System.Net;
using System.Text.Json;

namespace Singr.Api.Tests;

/// <summary>
/// Lasting notifications (issue 16, deliverable 5): a host's answer, a fulfilment and a patron's reply land in the
/// inbox of whoever should hear of them, with the outbox's email and SMS for the worker, in the transaction of the
/// change itself; each account reads and marks only its own, and chooses its channels per kind.
/// </summary>
public sealed class NotificationInboxTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private const string Inbox = "/v1/users/me/notifications";
    private const string Preferences = "/v1/users/me/notification-preferences";

    [Fact]
    public async Task A_patron_offline_while_a_host_answers_finds_the_answer_in_their_inbox_and_marks_it_read()
    {
        var (owner, _, slug) = await ApprovalVenues.CreateAsync(app.Client);
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        // No hub connection: the patron requests and goes offline.
        var requested = await ApprovalVenues.RequestAsync(app.Client, patron.Token, slug, "Bohemian Rhapsody");
        var before = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Inbox);

        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{requested}/respond",
            new { status = "rejected", message = "Not tonight, sorry" });
        var inbox = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Inbox);

        Assert.Empty(Items(before));
        Assert.Equal(0, before.GetProperty("unreadCount").GetInt64());
        var notification = Assert.Single(Items(inbox));
        Assert.Equal("request_rejected", notification.GetProperty("kind").GetString());
        Assert.Equal("Not tonight, sorry", notification.GetProperty("message").GetString());
        Assert.Equal(requested, notification.GetProperty("requestId").GetGuid());
        Assert.Equal("Bohemian Rhapsody", notification.GetProperty("title").GetString());
        Assert.Equal("The Testers", notification.GetProperty("artist").GetString());
        Assert.Equal(slug, notification.GetProperty("venueId").GetString());
        Assert.Equal("The Microphone", notification.GetProperty("venueName").GetString());
        Assert.Equal(JsonValueKind.Null, notification.GetProperty("readAt").ValueKind);
        Assert.Equal(1, inbox.GetProperty("unreadCount").GetInt64());
        Assert.Equal(1, inbox.GetProperty("pagination").GetProperty("total").GetInt64());

        var id = notification.GetProperty("id").GetGuid();
        var marked = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Inbox}/{id}/read");
        var markedAgain = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Inbox}/{id}/read");
        var after = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Inbox);
        var unreadOnly = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Inbox}?unread=true");

        Assert.Equal(0, marked.GetProperty("unreadCount").GetInt64());
        var readAt = marked.GetProperty("notification").GetProperty("readAt").GetDateTimeOffset();
        Assert.Equal(readAt, markedAgain.GetProperty("notification").GetProperty("readAt").GetDateTimeOffset());
        Assert.Equal(0, after.GetProperty("unreadCount").GetInt64());
        Assert.Equal(readAt, Assert.Single(Items(after)).GetProperty("readAt").GetDateTimeOffset());
        Assert.Empty(Items(unreadOnly));
    }

    [Fact]
    public async Task The_answers_email_and_sms_are_queued_under_the_kinds_preference_in_the_transaction_of_the_answer()
    {
        var (owner, _, slug) = await ApprovalVenues.CreateAsync(app.Client);
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        var requested = await ApprovalVenues.RequestAsync(app.Client, patron.Token, slug, "Dancing Queen");

        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{requested}/respond",
            new { status = "rejected", message = "Not tonight, sorry" });

        var messages = await app.Database.ColumnAsync<string>(
            """
            SELECT concat_ws('|', channel, kind, preference, status, (recipient IS NULL)::text, template_values ->> 'notification', template_values ->> 'venueName',
                              template_values ->> 'title', template_values ->> 'artist', template_values ->> 'message')
            FROM outbox_messages WHERE user_id = $1 AND kind = 'request_notification' ORDER BY channel
            """,
            patron.UserId);
        Assert.Equal(
            [
                "email|request_notification|request_rejected|pending|true|request_rejected|The Microphone|Dancing Queen|The Testers|Not tonight, sorry",
                "sms|request_notification|request_rejected|pending|true|request_rejected|The Microphone|Dancing Queen|The Testers|Not tonight, sorry",
            ],
            messages);
        // One transaction wrote the answer, its inbox row and its messages: the rows share the writing transaction's id.
        var writers = await app.Database.ColumnAsync<string>(
            """
            SELECT xmin::text FROM song_requests WHERE id = $1
            UNION ALL SELECT xmin::text FROM notifications WHERE request_id = $1
            UNION ALL SELECT xmin::text FROM outbox_messages WHERE user_id = $2 AND kind = 'request_notification'
            """,
            requested, patron.UserId);
        Assert.Equal(4, writers.Count);
        Assert.Single(writers.Distinct());
    }

    [Fact]
    public async Task A_refused_answer_writes_no_notification_and_no_outbox_row()
    {
        var (owner, _, slug) = await ApprovalVenues.CreateAsync(app.Client);
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        var requested = await ApprovalVenues.RequestAsync(app.Client, patron.Token, slug);
        // A claim is no answer: the patron hears of it live, not in the inbox.
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{requested}/accept");
        var afterClaim = await CountsAsync(patron.UserId);
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{requested}/respond", new { status = "approved", message = "Yes" });

        using var twice = await owner.SendAsync(HttpMethod.Post, $"/v1/customer/requests/{requested}/respond", new { status = "rejected", message = "No after all" });
        using var unknown = await owner.SendAsync(HttpMethod.Post, $"/v1/customer/requests/{Guid.NewGuid()}/respond", new { status = "rejected", message = "Who?" });
        using var invalid = await owner.SendAsync(HttpMethod.Post, $"/v1/customer/requests/{requested}/respond", new { status = "maybe" });
        using var replyTooEarly = await patron.SendAsync(HttpMethod.Post, $"/v1/venues/{slug}/requests/{Guid.NewGuid()}/reply", new { message = "Hello?" });

        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, replyTooEarly.StatusCode);
        Assert.Equal((0L, 0L), afterClaim);
        Assert.Equal((1L, 2L), await CountsAsync(patron.UserId));
        Assert.Equal((0L, 0L), await CountsAsync(owner.UserId));
        var inbox = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Inbox);
        Assert.Equal(["request_approved"], Items(inbox).Select(n => n.GetProperty("kind").GetString()).ToList());
    }

    [Fact]
    public async Task Another_user_cannot_read_or_mark_someone_elses_notification_and_a_guest_has_no_inbox()
    {
        var (owner, _, slug) = await ApprovalVenues.CreateAsync(app.Client);
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        var stranger = await ApiUser.RegisterAsync(app.Client, "stranger");
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var requested = await ApprovalVenues.RequestAsync(app.Client, patron.Token, slug);
        var guestsSong = $"Guest {Guid.NewGuid():N}"[..12];
        var byGuest = await ApprovalVenues.RequestAsync(app.Client, guest, slug, guestsSong);
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{requested}/respond", new { status = "approved" });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{byGuest}/respond", new { status = "rejected", message = "Sorry" });
        var id = Assert.Single(Items(await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Inbox))).GetProperty("id").GetGuid();

        var strangersInbox = await stranger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Inbox);
        using var strangerMarks = await stranger.SendAsync(HttpMethod.Post, $"{Inbox}/{id}/read");
        using var notAnId = await patron.SendAsync(HttpMethod.Post, $"{Inbox}/not-an-id/read");
        using var unknown = await patron.SendAsync(HttpMethod.Post, $"{Inbox}/{Guid.NewGuid()}/read");
        var strangerMarksAll = await stranger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Inbox}/read-all");
        using var guestLooks = await ApiUser.SendAsync(app.Client, HttpMethod.Get, Inbox, guest);
        using var guestMarks = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"{Inbox}/read-all", guest);
        using var anonymous = await ApiUser.SendAsync(app.Client, HttpMethod.Get, Inbox, token: null);
        var patronsInbox = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Inbox);

        Assert.Empty(Items(strangersInbox));
        Assert.Equal(HttpStatusCode.NotFound, strangerMarks.StatusCode);
        Assert.Equal("NOTIFICATION_NOT_FOUND", (await EnvelopeJson.ErrorOfAsync(strangerMarks)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, notAnId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, strangerMarksAll.GetProperty("marked").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, guestLooks.StatusCode);
        Assert.Equal("ACCOUNT_REQUIRED", (await EnvelopeJson.ErrorOfAsync(guestLooks)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, guestMarks.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(1, patronsInbox.GetProperty("unreadCount").GetInt64());
        Assert.Equal(JsonValueKind.Null, Assert.Single(Items(patronsInbox)).GetProperty("readAt").ValueKind);
        // The guest's rejection told no inbox and queued no message: a guest has no address to send it to.
        Assert.Equal(0L, await app.Database.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE request_id = $1", byGuest));
        Assert.Equal(0L, await app.Database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE template_values ->> 'title' = $1", guestsSong));
    }

    [Fact]
    public async Task Preferences_round_trip_and_a_kind_with_in_app_off_is_left_out_of_the_inbox_while_its_messages_still_go_to_the_worker()
    {
        var (owner, _, slug) = await ApprovalVenues.CreateAsync(app.Client);
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        var defaults = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Preferences);

        var set = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Preferences,
            new { kinds = new Dictionary<string, object> { ["request_rejected"] = new { email = false, sms = true, inApp = false } } });
        var read = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Preferences);
        var projected = await app.Database.ScalarAsync<string>("SELECT notification_preferences::text FROM users WHERE id = $1", patron.UserId);
        var rejected = await ApprovalVenues.RequestAsync(app.Client, patron.Token, slug, "Hidden");
        var approved = await ApprovalVenues.RequestAsync(app.Client, patron.Token, slug, "Shown");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{rejected}/respond", new { status = "rejected", message = "No" });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{approved}/respond", new { status = "approved" });
        var inbox = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Inbox);

        Assert.Equal(["request_approved", "request_rejected", "request_fulfilled", "request_replied"], Kinds(defaults).Select(k => k.Name).ToList());
        Assert.All(Kinds(defaults), k => Assert.Equal((true, false, true), Choice(k.Value)));
        Assert.Equal((false, true, false), Choice(set.GetProperty("kinds").GetProperty("request_rejected")));
        Assert.Equal((true, false, true), Choice(set.GetProperty("kinds").GetProperty("request_approved")));
        Assert.Equal(set.GetRawText(), read.GetRawText());
        using (var stored = JsonDocument.Parse(projected))
        {
            Assert.Equal((false, true, false), Choice(stored.RootElement.GetProperty("request_rejected")));
        }

        Assert.Equal(["Shown"], Items(inbox).Select(n => n.GetProperty("title").GetString()).ToList());
        Assert.Equal(1, inbox.GetProperty("unreadCount").GetInt64());
        // The worker decides at send time: both channels are queued, each under the kind's preference.
        Assert.Equal(2L, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE user_id = $1 AND preference = 'request_rejected' AND template_values ->> 'title' = 'Hidden'", patron.UserId));

        var back = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Preferences,
            new { kinds = new Dictionary<string, object> { ["request_rejected"] = new { email = true, sms = false, inApp = true } } });
        Assert.Equal((true, false, true), Choice(back.GetProperty("kinds").GetProperty("request_rejected")));
        Assert.Equal(["Shown", "Hidden"], Items(await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Inbox)).Select(n => n.GetProperty("title").GetString()).ToList());
    }

    [Fact]
    public async Task A_preference_for_an_unknown_kind_or_without_every_channel_is_refused_naming_the_field()
    {
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { kinds = new Dictionary<string, object> { ["request_sung"] = new { email = true, sms = true, inApp = true } } }, "kinds.request_sung"),
            (new { kinds = new Dictionary<string, object> { ["REQUEST_APPROVED"] = new { email = true, sms = true, inApp = true } } }, "kinds.REQUEST_APPROVED"),
            (new { kinds = new Dictionary<string, object> { ["request_approved"] = new { email = true, sms = true } } }, "kinds.request_approved.inApp"),
            (new { kinds = new Dictionary<string, object?> { ["request_approved"] = null } }, "kinds.request_approved.email"),
            (new { kinds = new Dictionary<string, object>() }, "kinds"),
            (new { }, "kinds"),
        })
        {
            using var refused = await patron.SendAsync(HttpMethod.Put, Preferences, body);
            Assert.True(HttpStatusCode.BadRequest == refused.StatusCode, $"{JsonSerializer.Serialize(body)}: {refused.StatusCode}");
            var error = await EnvelopeJson.ErrorOfAsync(refused);
            Assert.Equal("VALIDATION_ERROR", error.GetProperty("code").GetString());
            Assert.Contains(field, error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()));
        }

        var unchanged = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Preferences);
        Assert.All(Kinds(unchanged), k => Assert.Equal((true, false, true), Choice(k.Value)));
    }

    [Fact]
    public async Task The_host_who_answered_gets_the_patrons_reply_and_the_patron_hears_it_was_sung_newest_first()
    {
        var (owner, customerId, slug) = await ApprovalVenues.CreateAsync(app.Client);
        var staff = await ApiUser.RegisterAsync(app.Client, "staff");
        await owner.AddMemberAsync(staff, customerId, "customer_staff");
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        var requested = await ApprovalVenues.RequestAsync(app.Client, patron.Token, slug, "Wonderwall");
        await staff.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{requested}/respond", new { status = "approved", message = "You're up at ten" });

        await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/venues/{slug}/requests/{requested}/reply", new { message = "Thanks, I'll be ready!" });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{requested}/fulfill");
        var hostsInbox = await staff.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Inbox);
        var ownersInbox = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Inbox);
        var patronsInbox = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Inbox);
        var firstPage = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Inbox}?limit=1");

        var reply = Assert.Single(Items(hostsInbox));
        Assert.Equal(("request_replied", "Thanks, I'll be ready!", "Wonderwall", requested), (
            reply.GetProperty("kind").GetString(), reply.GetProperty("message").GetString(), reply.GetProperty("title").GetString(), reply.GetProperty("requestId").GetGuid()));
        Assert.Equal("patron", reply.GetProperty("singerName").GetString());
        Assert.Empty(Items(ownersInbox));
        Assert.Equal(["request_fulfilled", "request_approved"], Items(patronsInbox).Select(n => n.GetProperty("kind").GetString()).ToList());
        Assert.Equal("You're up at ten", Items(patronsInbox)[1].GetProperty("message").GetString());
        Assert.Equal(2, patronsInbox.GetProperty("unreadCount").GetInt64());
        Assert.Equal(["request_fulfilled"], Items(firstPage).Select(n => n.GetProperty("kind").GetString()).ToList());
        Assert.Equal((2L, 2), (firstPage.GetProperty("pagination").GetProperty("total").GetInt64(), firstPage.GetProperty("pagination").GetProperty("totalPages").GetInt32()));
        Assert.Equal(2L, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE user_id = $1 AND preference = 'request_replied' AND template_values ->> 'message' = 'Thanks, I''ll be ready!'", staff.UserId));

        var all = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Inbox}/read-all");
        Assert.Equal((2L, 0L), (all.GetProperty("marked").GetInt64(), all.GetProperty("unreadCount").GetInt64()));
        Assert.Equal(0, (await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Inbox)).GetProperty("unreadCount").GetInt64());
    }

    [Fact]
    public async Task A_developer_acting_as_a_patron_sees_their_inbox_but_neither_marks_it_read_nor_changes_their_choices()
    {
        var (owner, _, slug) = await ApprovalVenues.CreateAsync(app.Client);
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        var requested = await ApprovalVenues.RequestAsync(app.Client, patron.Token, slug);
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{requested}/respond", new { status = "approved" });
        var developer = await PlatformStaff.RegisterAsync(app.Client, app.Factory.Services, "developer");
        var session = await developer.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/admin/impersonate", new { userId = patron.UserId });
        var token = session.GetProperty("accessToken").GetString();

        using var looks = await ApiUser.SendAsync(app.Client, HttpMethod.Get, Inbox, token);
        var id = Assert.Single(Items(await EnvelopeJson.DataOfAsync(looks))).GetProperty("id").GetGuid();
        using var marks = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"{Inbox}/{id}/read", token);
        using var marksAll = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"{Inbox}/read-all", token);
        using var chooses = await ApiUser.SendAsync(app.Client, HttpMethod.Put, Preferences, token,
            new { kinds = new Dictionary<string, object> { ["request_approved"] = new { email = false, sms = false, inApp = false } } });

        Assert.Equal(HttpStatusCode.OK, looks.StatusCode);
        Assert.All(new[] { marks, marksAll, chooses }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal("NOT_ALLOWED_UNDER_IMPERSONATION", (await EnvelopeJson.ErrorOfAsync(chooses)).GetProperty("code").GetString());
        Assert.Equal(1, (await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Inbox)).GetProperty("unreadCount").GetInt64());
        var choices = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Preferences);
        Assert.Equal((true, false, true), Choice(choices.GetProperty("kinds").GetProperty("request_approved")));
    }

    private async Task<(long Notifications, long Messages)> CountsAsync(Guid userId) => (
        await app.Database.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE user_id = $1", userId),
        await app.Database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE user_id = $1 AND kind = 'request_notification'", userId));

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    private static List<JsonProperty> Kinds(JsonElement preferences) => [.. preferences.GetProperty("kinds").EnumerateObject()];

    private static (bool Email, bool Sms, bool InApp) Choice(JsonElement choice) =>
        (choice.GetProperty("email").GetBoolean(), choice.GetProperty("sms").GetBoolean(), choice.GetProperty("inApp").GetBoolean());
}
