using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Singr.Silo.Messaging;

/// <summary>SMS through Twilio's Messages API with the Twilio library.</summary>
internal sealed class TwilioSmsProvider(IOptions<TwilioOptions> options, IHttpClientFactory httpClients) : ISmsProvider
{
    public const string HttpClientName = "twilio";

    public async Task<string?> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        var twilio = options.Value;
        var client = new TwilioRestClient(
            twilio.AccountSid, twilio.AuthToken, httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));
        var create = new CreateMessageOptions(new PhoneNumber(sms.To)) { Body = sms.Body };
        if (!string.IsNullOrEmpty(twilio.MessagingServiceSid))
        {
            create.MessagingServiceSid = twilio.MessagingServiceSid;
        }
        else
        {
            create.From = new PhoneNumber(twilio.FromNumber);
        }

        var message = await MessageResource.CreateAsync(create, client);
        return message.Sid;
    }
}
