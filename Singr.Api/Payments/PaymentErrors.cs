using Singr.Api.Http;

namespace Singr.Api.Payments;

public static class PaymentErrors
{
    public static ApiError PaymentsOff() => new(
        "PAYMENTS_OFF", "Buying credits is not switched on for this server (no Stripe keys).", "Buying credits isn't available here.", []);

    public static ApiError ProviderFailed() => new(
        "PAYMENT_PROVIDER_FAILED", "Stripe did not open a checkout; nothing was charged.", "Payment isn't available right now. Please try again in a moment.", []);

    public static ApiError RefundFailed() => new(
        "PAYMENT_PROVIDER_FAILED", "Stripe did not make the refund; the patron's credits are as they were.", "The refund didn't go through. Please try again in a moment.", []);

    public static ApiError BadSignature() => new(
        "BAD_SIGNATURE", "The Stripe-Signature header does not match this body, or it is older than the tolerance.", "That request could not be verified.", []);
}
