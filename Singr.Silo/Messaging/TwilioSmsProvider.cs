using Microsoft.Extensions.Options;
using Singr.Grains.Accounts;
using Singr.Grains.Interfaces.Messaging;
using Twilio.Clients;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Verify.V2.Service;
using Twilio.Types;

namespace Singr.Silo.Messaging;

/// <summary>
/// SMS through Twilio with the Twilio library: the Messages API, or Verify for codes when a Verify service is
/// configured (Verify then sends its own code, and <see cref="CheckAsync"/> asks it whether one is right).
/// </summary>
public sealed class TwilioSmsProvider(IOptions<TwilioOptions> options, IHttpClientFactory httpClients) : ISmsProvider, ISmsCodeVerifier
{
    public const string HttpClientName = "twilio";

    /// <summary>Whether codes go through Twilio Verify (so Singr cannot check them itself).</summary>
    public bool VerifiesCodes => !string.IsNullOrEmpty(options.Value.VerifyServiceSid);

    public async Task<string?> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var twilio = options.Value;
        if (VerifiesCodes && sms.Kind is MessageKinds.TwoFactorCode or MessageKinds.SmsVerification)
        {
            var verification = await VerificationResource.CreateAsync(
                new CreateVerificationOptions(twilio.VerifyServiceSid, sms.To, "sms"), Client());
            return verification.Sid;
        }

        var create = new CreateMessageOptions(new PhoneNumber(sms.To)) { Body = sms.Body };
        if (!string.IsNullOrEmpty(twilio.MessagingServiceSid))
        {
            create.MessagingServiceSid = twilio.MessagingServiceSid;
        }
        else
        {
            create.From = new PhoneNumber(twilio.FromNumber);
        }

        var message = await MessageResource.CreateAsync(create, Client());
        return message.Sid;
    }

    /// <summary>Asks Twilio Verify whether <paramref name="code"/> is the one it sent to <paramref name="phone"/>.</summary>
    public async Task<bool> CheckAsync(string phone, string code)
    {
        var check = await VerificationCheckResource.CreateAsync(
            new CreateVerificationCheckOptions(options.Value.VerifyServiceSid) { To = phone, Code = code }, Client());
        return check.Status == "approved";
    }

    private TwilioRestClient Client() =>
        new(options.Value.AccountSid, options.Value.AuthToken, httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));
}
