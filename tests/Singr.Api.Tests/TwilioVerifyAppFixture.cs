namespace Singr.Api.Tests;

/// <summary>The app with its outbox worker sending SMS through a fake Twilio that has a Verify service.</summary>
public sealed class TwilioVerifyAppFixture : ApiAppFixture
{
    internal FakeTwilio Twilio { get; } = new();

    protected override SingrApiFactory CreateFactory() => new(Database, seedDemo: false, Clock, settings: new Dictionary<string, string?>
    {
        ["Singr:Messaging:WorkerEnabled"] = "true",
        ["Singr:Messaging:PollInterval"] = "00:00:00.100",
        ["Singr:Messaging:SmsProvider"] = "twilio",
        ["Singr:Twilio:AccountSid"] = FakeTwilio.AccountSid,
        ["Singr:Twilio:AuthToken"] = FakeTwilio.AuthToken,
        ["Singr:Twilio:FromNumber"] = FakeTwilio.FromNumber,
        ["Singr:Twilio:VerifyServiceSid"] = FakeTwilio.VerifyServiceSid,
        ["Singr:Twilio:ApiBase"] = Twilio.ApiBase,
    });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Twilio.Dispose();
    }
}
