namespace Singr.Api.Payments;

/// <summary>
/// <c>Singr:Stripe</c>: the account credit purchases go through. Without a secret key, buying credits is off (the
/// packages are still listed); tests and <c>make run</c> point <see cref="ApiBase"/> at a local fake.
/// </summary>
public sealed class StripeOptions
{
    public const string SectionName = "Singr:Stripe";

    /// <summary>The account's secret key (<c>sk_test_…</c> in test mode). Never logged.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The webhook endpoint's signing secret (<c>whsec_…</c>): a delivery it did not sign is refused.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Stripe's API, or a stand-in for it; null is Stripe's own.</summary>
    public string? ApiBase { get; set; }

    /// <summary>How old a signed delivery may be: Stripe's own default, 5 minutes.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    public bool Enabled => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(WebhookSecret);
}
