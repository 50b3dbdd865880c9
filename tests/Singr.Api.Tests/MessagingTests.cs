using System.Net;
using System.Net.Http.Json;
using System.Text;
using Singr.Grains.Interfaces.Access;

namespace Singr.Api.Tests;

/// <summary>
/// Messages followed from the change that queues them to the provider, with the app's own worker: a purchase's
/// confirmation reaches the SMTP server once, an SMS reaches (fake) Twilio, and platform staff watch and retry the outbox.
/// </summary>
public sealed class MessagingTests(MessagingAppFixture app) : IClassFixture<MessagingAppFixture>
{
    [Fact]
    public async Task A_paid_checkout_emails_one_confirmation_with_the_credits_and_the_new_balance_however_often_stripe_says_so()
    {
        var patron = await ApiUser.RegisterAsync(app.Client, "receipt");
        var checkout = await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/v1/users/me/credits/purchase", new { package = "premium" });
        var completed = FakeStripe.SessionEvent("checkout.session.completed", checkout.GetProperty("sessionId").GetString()!, patron.UserId, "premium", 250, 2_000);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => DeliverAsync(completed)));
        var email = await EmailToAsync(patron.Email, "Your 250 Singr credits");
        // Time for any second confirmation to arrive, were one queued.
        await Task.Delay(1000);

        Assert.Contains("Your payment of 20.00 USD for the premium package went through.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Your balance is now 250 credits.", email.TextBody, StringComparison.Ordinal);
        Assert.Single(app.Smtp.Received, m => m.To.ToString().Contains(patron.Email, StringComparison.OrdinalIgnoreCase) && (m.Subject ?? string.Empty).Contains("credits", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_patron_offline_while_a_host_rejects_their_request_finds_it_in_the_inbox_and_gets_the_email_with_the_hosts_message()
    {
        var (owner, _, slug) = await ApprovalVenues.CreateAsync(app.Client);
        var patron = await ApiUser.RegisterAsync(app.Client, "offline-patron");
        var requested = await ApprovalVenues.RequestAsync(app.Client, patron.Token, slug, "Bohemian Rhapsody");

        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{requested}/respond", new { status = "rejected", message = "Not tonight, sorry" });
        var email = await EmailToAsync(patron.Email, "Your request at The Microphone was declined");
        var inbox = await patron.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/notifications");

        Assert.Contains("The host at The Microphone declined \"Bohemian Rhapsody\" by The Testers.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Their message: \"Not tonight, sorry\"", email.TextBody, StringComparison.Ordinal);
        Assert.Equal("request_rejected", Assert.Single(inbox.GetProperty("items").EnumerateArray()).GetProperty("kind").GetString());
        Assert.Equal(1, inbox.GetProperty("unreadCount").GetInt64());
        // The patron has no verified phone and texts are off until chosen: the SMS twin is skipped, not sent.
        Assert.DoesNotContain(app.Twilio.Messages, m => m["Body"].Contains("Bohemian", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_guest_who_gave_an_address_at_checkout_gets_the_confirmation_there()
    {
        var guestWallet = Guid.NewGuid();
        var address = ApiUser.UniqueEmail("kiosk-guest");
        await DeliverAsync(FakeStripe.SessionEvent("checkout.session.completed", "cs_test_" + Guid.NewGuid().ToString("N"), guestWallet, "basic", 100, 1_000, receiptEmail: address));

        var email = await EmailToAsync(address, "Your 100 Singr credits");

        Assert.Contains("Your balance is now 100 credits.", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_sms_to_a_users_verified_phone_goes_through_twilio_from_the_configured_number()
    {
        var user = await ApiUser.RegisterAsync(app.Client, "texted");
        await app.Database.ExecuteAsync("UPDATE users SET phone = '+15551234567' WHERE id = $1", user.UserId);
        var id = Guid.NewGuid();
        await app.Database.ExecuteAsync(
            "INSERT INTO outbox_messages (id, channel, kind, user_id, template_values) VALUES ($1, 'sms', 'two_factor_code', $2, '{\"code\": \"482913\"}')", id, user.UserId);

        var status = await StatusEventuallyAsync(id, "sent");

        Assert.Equal("sent", status);
        var sent = Assert.Single(app.Twilio.Messages, m => m["To"] == "+15551234567");
        Assert.Equal(FakeTwilio.FromNumber, sent["From"]);
        Assert.Contains("482913", sent["Body"], StringComparison.Ordinal);
        Assert.Equal(FakeTwilio.MessageSid, await app.Database.ScalarAsync<string>("SELECT provider_message_id FROM outbox_messages WHERE id = $1", id));
        Assert.Contains("Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes($"{FakeTwilio.AccountSid}:{FakeTwilio.AuthToken}")), app.Twilio.Authorizations);
    }

    [Fact]
    public async Task Platform_staff_see_the_outbox_without_its_secrets_and_send_a_failed_message_again_once()
    {
        var support = await PlatformStaff.RegisterAsync(app.Client, app.Factory.Services, Roles.SupportAdmin);
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        var failed = Guid.NewGuid();
        var address = ApiUser.UniqueEmail("bounced");
        await app.Database.ExecuteAsync(
            """
            INSERT INTO outbox_messages (id, channel, kind, recipient, template_values, status, attempts, last_error)
            VALUES ($1, 'email', 'welcome', $2, '{"name": "Lee"}', 'failed', 3, 'SmtpCommandException: mailbox busy')
            """, failed, address);

        var listed = await support.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/admin/messages?status=failed");
        using var refused = await patron.SendAsync(HttpMethod.Get, "/v1/admin/messages");
        var retried = await support.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/admin/messages/{failed}/retry");
        var email = await EmailToAsync(address, "Welcome to Singr!");
        using var again = await support.SendAsync(HttpMethod.Post, $"/v1/admin/messages/{failed}/retry");
        using var unknown = await support.SendAsync(HttpMethod.Post, $"/v1/admin/messages/{Guid.NewGuid()}/retry");

        var item = Assert.Single(listed.GetProperty("messages").GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetGuid() == failed);
        Assert.Equal("SmtpCommandException: mailbox busy", item.GetProperty("lastError").GetString());
        Assert.False(item.TryGetProperty("templateValues", out _));
        Assert.True(listed.GetProperty("counts").GetProperty("failed").GetInt64() >= 1);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(("pending", 0), (retried.GetProperty("status").GetString(), retried.GetProperty("attempts").GetInt32()));
        Assert.Contains("Hi Lee,", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("MESSAGE_NOT_RETRYABLE", (await EnvelopeJson.ErrorOfAsync(again)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(1L, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'message.retry' AND resource_id = $1 AND actor_id = $2", failed.ToString("D"), support.UserId));
    }

    private async Task DeliverAsync(string payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks/stripe") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", FakeStripe.Signature(payload, app.Clock.GetUtcNow()));
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<MimeKit.MimeMessage> EmailToAsync(string address, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (app.Smtp.Received.FirstOrDefault(m => m.To.ToString().Contains(address, StringComparison.OrdinalIgnoreCase) && m.Subject == subject) is { } email)
            {
                return email;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No email \"{subject}\" reached {address}; the SMTP server has: {string.Join("; ", app.Smtp.Received.Select(m => $"{m.To} {m.Subject}"))}");
    }

    private async Task<string> StatusEventuallyAsync(Guid id, string wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var status = string.Empty;
        while (DateTime.UtcNow < deadline && (status = await app.Database.ScalarAsync<string>("SELECT status FROM outbox_messages WHERE id = $1", id)) != wanted)
        {
            await Task.Delay(100);
        }

        return status;
    }
}
