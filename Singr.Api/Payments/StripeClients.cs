using Microsoft.Extensions.Options;
using Stripe;

namespace Singr.Api.Payments;

/// <summary>Stripe.net clients for the configured account, over the app's own HTTP client.</summary>
public sealed class StripeClients(IHttpClientFactory httpClients, IOptions<StripeOptions> options)
{
    public const string HttpClientName = "stripe";

    public IStripeClient Create()
    {
        var stripe = options.Value;
        return new StripeClient(new StripeClientOptions
        {
            ApiKey = stripe.SecretKey,
            ApiBase = string.IsNullOrWhiteSpace(stripe.ApiBase) ? StripeClient.DefaultApiBase : stripe.ApiBase,
            HttpClient = new SystemNetHttpClient(httpClients.CreateClient(HttpClientName), maxNetworkRetries: 2),
        });
    }
}
