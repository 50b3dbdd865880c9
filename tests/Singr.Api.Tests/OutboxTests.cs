using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Singr.Grains.Interfaces.Messaging;
using Singr.Silo.Messaging;
using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>
/// The outbox worker against the real PostgreSQL, a fake clock and the real SMTP provider talking to an SMTP server in
/// the test: retries and their delays, a worker dying mid-send, the per-user limits, the pace, the switches and choices.
/// </summary>
public sealed class OutboxTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime, IDisposable
{
    private readonly LocalSmtpServer _smtp = new();

    private TestDatabase Database => fixture.Database;

    public async Task InitializeAsync() => await Database.ExecuteAsync("DELETE FROM outbox_messages");

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _smtp.Dispose();

    [Fact]
    public async Task A_queued_email_reaches_the_smtp_server_once_with_text_html_and_its_outbox_id_as_message_id()
    {
        var clock = await OutboxHarness.ClockAtDatabaseNowAsync(Database);
        var outbox = new OutboxHarness(Database, clock, Smtp());
        var user = await outbox.AddUserAsync($"ada-{Guid.NewGuid():N}@example.com");
        var id = await outbox.QueueAsync(MessageKinds.PasswordReset, user, values: """{"name": "Ada", "token": "abc.def"}""");

        Assert.Equal(1, await outbox.Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(0, await outbox.Dispatcher.DispatchDueAsync(CancellationToken.None));

        var email = Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Equal("Reset your Singr password", email.Subject);
        Assert.Equal($"{id:N}@singr", email.MessageId);
        Assert.Contains("http://singr.test/account.html?reset=abc.def", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"http://singr.test/account.html?reset=abc.def\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("sent", await outbox.StatusOfAsync(id));
        // The token is not kept once the email is out.
        Assert.Equal("{}", await Database.ScalarAsync<string>("SELECT template_values::text FROM outbox_messages WHERE id = $1", id));
    }

    [Fact]
    public async Task A_provider_failing_twice_then_working_sends_once_after_retries_one_and_two_seconds_apart()
    {
        var clock = await OutboxHarness.ClockAtDatabaseNowAsync(Database);
        var provider = new ScriptedEmailProvider(clock, Smtp()) { FailuresLeft = 2 };
        var outbox = new OutboxHarness(Database, clock, provider);
        var start = clock.GetUtcNow();
        var id = await outbox.QueueAsync(MessageKinds.Welcome, recipient: "bo@example.com", values: """{"name": "Bo"}""");

        await outbox.Dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal("pending", await outbox.StatusOfAsync(id));
        clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.Equal(0, await outbox.Dispatcher.DispatchDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await outbox.Dispatcher.DispatchDueAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(1900));
        Assert.Equal(0, await outbox.Dispatcher.DispatchDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await outbox.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal([start, start.AddSeconds(1), start.AddSeconds(3)], provider.Attempts);
        Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Equal("sent", await outbox.StatusOfAsync(id));
        Assert.Equal(3, await outbox.AttemptsOfAsync(id));
    }

    [Fact]
    public async Task A_message_whose_three_attempts_fail_is_kept_as_failed_with_the_error_and_platform_staff_can_send_it_again()
    {
        var clock = await OutboxHarness.ClockAtDatabaseNowAsync(Database);
        var provider = new ScriptedEmailProvider(clock) { FailuresLeft = 3 };
        var outbox = new OutboxHarness(Database, clock, provider);
        var id = await outbox.QueueAsync(MessageKinds.Welcome, recipient: "cy@example.com", values: """{"name": "Cy"}""");

        for (var round = 0; round < 5; round++)
        {
            await outbox.Dispatcher.DispatchDueAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(3, provider.Attempts.Count);
        Assert.Equal("failed", await outbox.StatusOfAsync(id));
        Assert.Contains("scripted failure", await Database.ScalarAsync<string>("SELECT last_error FROM outbox_messages WHERE id = $1", id), StringComparison.Ordinal);
        Assert.Empty(provider.Delivered);
    }

    [Fact]
    public async Task A_worker_killed_after_the_provider_took_the_email_does_not_get_it_sent_twice()
    {
        var clock = await OutboxHarness.ClockAtDatabaseNowAsync(Database);
        var dying = new ScriptedEmailProvider(clock, Smtp()) { HangAfterDelivering = true };
        var outbox = new OutboxHarness(Database, clock, dying);
        var id = await outbox.QueueAsync(MessageKinds.Welcome, recipient: "di@example.com", values: """{"name": "Di"}""");

        // The first worker hands the email over and never comes back: as if the process were killed there.
        _ = outbox.Dispatcher.DispatchDueAsync(CancellationToken.None);
        await _smtp.WaitForAsync(1);
        await WaitForStatusAsync(outbox, id, "sending");

        var survivor = new ScriptedEmailProvider(clock, Smtp());
        var takeover = outbox.NewWorker(survivor);
        Assert.Equal(0, await takeover.DispatchDueAsync(CancellationToken.None));
        clock.Advance(outbox.Options.ClaimLease + TimeSpan.FromSeconds(1));
        Assert.Equal(0, await takeover.DispatchDueAsync(CancellationToken.None));

        Assert.Empty(survivor.Attempts);
        Assert.Single(_smtp.Received);
        Assert.Equal("unconfirmed", await outbox.StatusOfAsync(id));
    }

    [Fact]
    public async Task A_worker_killed_after_claiming_but_before_sending_leaves_the_message_to_another_worker_which_sends_it_once()
    {
        var clock = await OutboxHarness.ClockAtDatabaseNowAsync(Database);
        var outbox = new OutboxHarness(Database, clock, Smtp());
        var id = await outbox.QueueAsync(MessageKinds.Welcome, recipient: "ed@example.com", values: """{"name": "Ed"}""");
        Assert.Single(await outbox.Store.ClaimDueAsync("a-worker-that-dies", clock.GetUtcNow(), 10, outbox.Options.ClaimLease, CancellationToken.None));

        Assert.Equal(0, await outbox.Dispatcher.DispatchDueAsync(CancellationToken.None));
        clock.Advance(outbox.Options.ClaimLease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await outbox.Dispatcher.DispatchDueAsync(CancellationToken.None));

        Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Equal("sent", await outbox.StatusOfAsync(id));
        Assert.Equal(1, await outbox.AttemptsOfAsync(id));
    }

    [Fact]
    public async Task A_user_gets_at_most_ten_emails_an_hour_and_five_texts_and_the_rest_are_skipped_as_over_the_limit()
    {
        var clock = await OutboxHarness.ClockAtDatabaseNowAsync(Database);
        var email = new ScriptedEmailProvider(clock);
        var sms = new RecordingSmsProvider();
        var outbox = new OutboxHarness(Database, clock, email, sms);
        var user = await outbox.AddUserAsync($"fi-{Guid.NewGuid():N}@example.com", phone: "+15005550006");
        var emails = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            emails.Add(await outbox.QueueAsync(MessageKinds.TwoFactorCode, user, values: """{"code": "123456"}"""));
        }

        for (var i = 0; i < 7; i++)
        {
            await outbox.QueueAsync(MessageKinds.TwoFactorCode, user, channel: MessageChannels.Sms, values: """{"code": "654321"}""");
        }

        await DispatchAllAsync(outbox);
        Assert.Equal(10, email.Delivered.Count);
        Assert.Equal(5, sms.Sent.Count);
        Assert.Equal(4, await Database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE status = 'skipped' AND skip_reason LIKE '%limit%'"));

        // An hour later the allowance is back.
        clock.Advance(TimeSpan.FromMinutes(61));
        await outbox.QueueAsync(MessageKinds.TwoFactorCode, user, values: """{"code": "111111"}""");
        await DispatchAllAsync(outbox);
        Assert.Equal(11, email.Delivered.Count);
    }

    [Fact]
    public async Task One_worker_sends_ten_at_a_time_and_a_hundred_a_minute()
    {
        var clock = await OutboxHarness.ClockAtDatabaseNowAsync(Database);
        var provider = new ScriptedEmailProvider(clock) { Delay = TimeSpan.FromMilliseconds(250) };
        var outbox = new OutboxHarness(Database, clock, provider);
        for (var i = 0; i < 130; i++)
        {
            await outbox.QueueAsync(MessageKinds.Welcome, recipient: $"guest{i}@example.com", values: """{"name": "Guest"}""");
        }

        await DispatchAllAsync(outbox);
        Assert.Equal(100, provider.Delivered.Count);
        // Sends overlap, never more than ten at once (exactly ten unless a slow database step staggers one).
        Assert.InRange(provider.MostAtOnce, 5, 10);
        Assert.Equal(TimeSpan.FromMinutes(1), outbox.Dispatcher.UntilRateAllows());

        clock.Advance(TimeSpan.FromMinutes(1));
        await DispatchAllAsync(outbox);
        Assert.Equal(130, provider.Delivered.Count);
    }

    [Fact]
    public async Task Switched_off_sending_and_a_users_choice_keep_messages_from_going_out_and_say_why()
    {
        var clock = await OutboxHarness.ClockAtDatabaseNowAsync(Database);
        var provider = new ScriptedEmailProvider(clock);
        var sms = new RecordingSmsProvider();
        var outbox = new OutboxHarness(Database, clock, provider, sms, options => options.EnableSmsSending = false);
        var quiet = await outbox.AddUserAsync($"gu-{Guid.NewGuid():N}@example.com", preferences: """{"request_rejected": {"email": false, "sms": true, "inApp": true}}""");
        var keen = await outbox.AddUserAsync($"ha-{Guid.NewGuid():N}@example.com");
        const string Notice = """{"notification": "request_rejected", "venueName": "Main Bar", "title": "Song 2", "artist": "Blur", "message": "Not tonight"}""";
        var choseNoEmail = await outbox.QueueAsync(MessageKinds.RequestNotification, quiet, preference: NotificationKinds.RequestRejected, values: Notice);
        var textsOff = await outbox.QueueAsync(MessageKinds.RequestNotification, quiet, channel: MessageChannels.Sms, preference: NotificationKinds.RequestRejected, values: Notice);
        var byDefault = await outbox.QueueAsync(MessageKinds.RequestNotification, keen, preference: NotificationKinds.RequestRejected, values: Notice);
        var noTextByDefault = await outbox.QueueAsync(MessageKinds.RequestNotification, keen, channel: MessageChannels.Sms, preference: NotificationKinds.RequestRejected, values: Notice);

        await DispatchAllAsync(outbox);

        var sent = Assert.Single(provider.Delivered);
        Assert.Equal("Your request at Main Bar was declined", sent.Subject);
        Assert.Contains("Their message: \"Not tonight\"", sent.Text, StringComparison.Ordinal);
        Assert.Empty(sms.Sent);
        Assert.Equal("sent", await outbox.StatusOfAsync(byDefault));
        Assert.Contains("switched email off", await SkipReasonAsync(choseNoEmail), StringComparison.Ordinal);
        Assert.Contains("ENABLE_SMS_SENDING", await SkipReasonAsync(textsOff), StringComparison.Ordinal);
        Assert.Contains("ENABLE_SMS_SENDING", await SkipReasonAsync(noTextByDefault), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_a_patron_wrote_is_escaped_in_the_html_of_an_email()
    {
        var templates = new MessageTemplates(Options.Create(new MessagingOptions()));

        var rendered = templates.Render(MessageChannels.Email, MessageKinds.RequestNotification, new Dictionary<string, string>
        {
            [MessageValues.Notification] = NotificationKinds.RequestReplied,
            [MessageValues.SingerName] = "<img src=x onerror=alert(1)>",
            [MessageValues.Title] = "Toxic",
            [MessageValues.VenueName] = "Main Bar",
            [MessageValues.Message] = "<script>steal()</script>",
        });

        Assert.DoesNotContain("<script>", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("<script>steal()</script>", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sent_messages_are_pruned_after_a_day_and_failed_ones_after_a_week()
    {
        var clock = await OutboxHarness.ClockAtDatabaseNowAsync(Database);
        var outbox = new OutboxHarness(Database, clock, new ScriptedEmailProvider(clock));
        var sent = await outbox.QueueAsync(MessageKinds.Welcome, recipient: "ix@example.com", values: """{"name": "Ix"}""");
        var failed = await outbox.QueueAsync("no_such_template", recipient: "jo@example.com");
        await DispatchAllAsync(outbox);
        Assert.Equal("failed", await outbox.StatusOfAsync(failed));

        clock.Advance(TimeSpan.FromHours(25));
        await outbox.Store.PruneAsync(clock.GetUtcNow(), outbox.Options.CompletedRetention, outbox.Options.CompletedKept, outbox.Options.FailedRetention, CancellationToken.None);
        Assert.Equal(["failed"], await Database.ColumnAsync<string>("SELECT status FROM outbox_messages WHERE id = ANY($1)", new[] { sent, failed }));

        clock.Advance(TimeSpan.FromDays(7));
        await outbox.Store.PruneAsync(clock.GetUtcNow(), outbox.Options.CompletedRetention, outbox.Options.CompletedKept, outbox.Options.FailedRetention, CancellationToken.None);
        Assert.Empty(await Database.ColumnAsync<string>("SELECT status FROM outbox_messages WHERE id = ANY($1)", new[] { sent, failed }));
    }

    [Fact]
    public async Task Stopping_the_worker_finishes_the_message_it_holds_instead_of_leaving_it_mid_send()
    {
        var provider = new ScriptedEmailProvider(TimeProvider.System) { Delay = TimeSpan.FromMilliseconds(1500) };
        var options = Options.Create(new MessagingOptions { PollInterval = TimeSpan.FromMilliseconds(50) });
        var store = new OutboxStore(Database.DataSource);
        var dispatcher = new OutboxDispatcher(
            store, new MessageTemplates(options), provider, new RecordingSmsProvider(), options, TimeProvider.System, NullLogger<OutboxDispatcher>.Instance);
        var worker = new OutboxWorker(dispatcher, store, options, TimeProvider.System, NullLogger<OutboxWorker>.Instance);
        var outbox = new OutboxHarness(Database, new FakeTimeProvider(), provider);
        var id = await outbox.QueueAsync(MessageKinds.Welcome, recipient: "ka@example.com", values: """{"name": "Ka"}""");

        await worker.StartAsync(CancellationToken.None);
        await WaitForStatusAsync(outbox, id, "sending");
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal("sent", await outbox.StatusOfAsync(id));
        Assert.Single(provider.Delivered);
    }

    private SmtpEmailProvider Smtp() =>
        new(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, Security = "None" }), Options.Create(new MessagingOptions()));

    private Task<string> SkipReasonAsync(Guid id) => Database.ScalarAsync<string>("SELECT skip_reason FROM outbox_messages WHERE id = $1", id);

    private static async Task DispatchAllAsync(OutboxHarness outbox)
    {
        while (await outbox.Dispatcher.DispatchDueAsync(CancellationToken.None) > 0)
        {
        }
    }

    private static async Task WaitForStatusAsync(OutboxHarness outbox, Guid id, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await outbox.StatusOfAsync(id) != status && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(status, await outbox.StatusOfAsync(id));
    }
}
