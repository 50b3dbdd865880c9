using Singr.Grains.Interfaces.Credits;
using Stripe;
using Stripe.Checkout;

namespace Singr.Api.Payments;

/// <summary>Opens Stripe Checkout sessions for credit packages, through Stripe.net.</summary>
public sealed class CheckoutSessions(StripeClients stripe)
{
    /// <summary>Metadata keys Singr puts on a session and reads back from its webhook events.</summary>
    public const string WalletKey = "singr_wallet";
    public const string PackageKey = "singr_package";
    public const string CreditsKey = "singr_credits";

    /// <summary>
    /// A checkout for <paramref name="package"/>, paid into <paramref name="walletId"/>'s wallet. The same
    /// <paramref name="attemptKey"/> (the patron's retry of one tap) opens the same session: Stripe's idempotency key.
    /// </summary>
    /// <param name="buyerEmail">An account's email, filled in on Stripe's page for the receipt; null for a guest, who may type one.</param>
    public async Task<Session> OpenAsync(Guid walletId, CreditPackage package, Guid attemptKey, string? buyerEmail, Uri returnTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(returnTo);
        var create = new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = walletId.ToString("D"),
            CustomerEmail = buyerEmail,
            SuccessUrl = new Uri(returnTo, "credits.html?purchase=success&session={CHECKOUT_SESSION_ID}").ToString(),
            CancelUrl = new Uri(returnTo, "credits.html?purchase=cancelled").ToString(),
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = package.Currency,
                        UnitAmount = package.PriceCents,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = $"Singr credits: {package.Name} ({package.Credits})" },
                    },
                },
            ],
            Metadata = new Dictionary<string, string>
            {
                [WalletKey] = walletId.ToString("D"),
                [PackageKey] = package.Name,
                [CreditsKey] = package.Credits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        return await new SessionService(stripe.Create()).CreateAsync(
            create, new RequestOptions { IdempotencyKey = $"singr-checkout-{attemptKey:N}" }, cancellationToken);
    }
}
