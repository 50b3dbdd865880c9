using Stripe;

namespace Singr.Api.Payments;

/// <summary>Pays a purchase back through Stripe: one refund per checkout session, however often it is asked for.</summary>
public sealed class StripeRefunds(StripeClients stripe)
{
    public async Task<Refund> RefundAsync(string sessionId, string paymentIntentId, CancellationToken cancellationToken) =>
        await new RefundService(stripe.Create()).CreateAsync(
            new RefundCreateOptions { PaymentIntent = paymentIntentId, Reason = "requested_by_customer" },
            new RequestOptions { IdempotencyKey = $"singr-refund-{sessionId}" },
            cancellationToken);
}
