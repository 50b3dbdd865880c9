using Microsoft.Extensions.Options;

namespace Singr.Silo.Messaging;

/// <summary>
/// Sends the Twilio library's calls to <see cref="TwilioOptions.ApiBase"/> instead of api.twilio.com (a local fake in
/// tests); with the default base it changes nothing.
/// </summary>
internal sealed class TwilioApiBaseHandler(IOptions<TwilioOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var apiBase = options.Value.ApiBase;
        if (request.RequestUri is { } uri && uri.Host.EndsWith("twilio.com", StringComparison.OrdinalIgnoreCase) && !apiBase.Host.EndsWith("twilio.com", StringComparison.OrdinalIgnoreCase))
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = apiBase.Scheme, Host = apiBase.Host, Port = apiBase.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
