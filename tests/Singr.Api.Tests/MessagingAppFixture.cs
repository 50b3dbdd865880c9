namespace Singr.Api.Tests;

/// <summary>
/// The app with its outbox worker on: email through the SMTP provider to an SMTP server in the test, SMS through the
/// Twilio library to a fake Twilio, and Stripe pointed at a fake, so a purchase's confirmation can be followed to the inbox.
/// </summary>
public sealed class MessagingAppFixture : ApiAppFixture
{
    internal FakeStripe Stripe { get; } = new();

    internal FakeTwilio Twilio { get; } = new();

    internal LocalSmtpServer Smtp { get; } = new();

    protected override SingrApiFactory CreateFactory() => new(Database, seedDemo: false, Clock, settings: new Dictionary<string, string?>
    {
        ["Singr:Stripe:SecretKey"] = FakeStripe.SecretKey,
        ["Singr:Stripe:WebhookSecret"] = FakeStripe.WebhookSecret,
        ["Singr:Stripe:ApiBase"] = Stripe.ApiBase,
        ["Singr:Messaging:WorkerEnabled"] = "true",
        ["Singr:Messaging:PollInterval"] = "00:00:00.100",
        ["Singr:Messaging:EmailProvider"] = "smtp",
        ["Singr:Messaging:SmsProvider"] = "twilio",
        ["Singr:Smtp:Host"] = "127.0.0.1",
        ["Singr:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Singr:Smtp:Security"] = "None",
        ["Singr:Twilio:AccountSid"] = FakeTwilio.AccountSid,
        ["Singr:Twilio:AuthToken"] = FakeTwilio.AuthToken,
        ["Singr:Twilio:FromNumber"] = FakeTwilio.FromNumber,
        ["Singr:Twilio:ApiBase"] = Twilio.ApiBase,
    });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Stripe.Dispose();
        Twilio.Dispose();
        Smtp.Dispose();
    }
}
