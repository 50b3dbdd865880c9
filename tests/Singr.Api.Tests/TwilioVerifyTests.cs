using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Singr.Grains.Interfaces.Messaging;
using Singr.Silo.Messaging;

namespace Singr.Api.Tests;

/// <summary>With a Twilio Verify service configured, codes go through Verify (which sends and checks its own), other texts through Messages.</summary>
public sealed class TwilioVerifyTests : IDisposable
{
    private readonly FakeTwilio _twilio = new();
    private readonly ServiceProvider _services;

    public TwilioVerifyTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Singr:Messaging:WorkerEnabled"] = "false",
            ["Singr:Messaging:SmsProvider"] = "twilio",
            ["Singr:Twilio:AccountSid"] = FakeTwilio.AccountSid,
            ["Singr:Twilio:AuthToken"] = FakeTwilio.AuthToken,
            ["Singr:Twilio:FromNumber"] = FakeTwilio.FromNumber,
            ["Singr:Twilio:VerifyServiceSid"] = FakeTwilio.VerifyServiceSid,
            ["Singr:Twilio:ApiBase"] = _twilio.ApiBase,
        }).Build();
        _services = new ServiceCollection().AddLogging().AddSingrMessaging(configuration).BuildServiceProvider();
    }

    public void Dispose()
    {
        _services.Dispose();
        _twilio.Dispose();
    }

    [Fact]
    public async Task A_sign_in_code_starts_a_verify_verification_to_the_phone_and_only_the_code_verify_sent_is_approved()
    {
        var twilio = _services.GetRequiredService<TwilioSmsProvider>();

        var sid = await twilio.SendAsync(new OutgoingSms(Guid.NewGuid(), "+15557654321", "Your Singr sign-in code is 111111.", MessageKinds.TwoFactorCode), CancellationToken.None);

        Assert.True(twilio.VerifiesCodes);
        Assert.Equal(FakeTwilio.VerificationSid, sid);
        var started = Assert.Single(_twilio.FormsTo("/Verifications"));
        Assert.Equal(("+15557654321", "sms"), (started["To"], started["Channel"]));
        Assert.Empty(_twilio.Messages);
        Assert.True(await twilio.CheckAsync("+15557654321", FakeTwilio.VerifyCode));
        Assert.False(await twilio.CheckAsync("+15557654321", "111111"));
    }

    [Fact]
    public async Task A_notice_that_is_not_a_code_still_goes_as_a_message()
    {
        var twilio = _services.GetRequiredService<ISmsProvider>();

        await twilio.SendAsync(new OutgoingSms(Guid.NewGuid(), "+15557654321", "Your request at Main Bar was approved", MessageKinds.RequestNotification), CancellationToken.None);

        Assert.Equal("Your request at Main Bar was approved", Assert.Single(_twilio.Messages)["Body"]);
        Assert.Empty(_twilio.FormsTo("/Verifications"));
    }
}
