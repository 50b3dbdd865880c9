namespace Singr.Api.Payments;

/// <summary>A checkout to send the patron to: they pay on Stripe's page, and the credits arrive when Stripe confirms it.</summary>
public sealed record CheckoutStarted(string SessionId, string Url, string Package, int Credits, long PriceCents, string Currency);
