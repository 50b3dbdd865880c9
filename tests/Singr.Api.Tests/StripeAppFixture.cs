namespace Singr.Api.Tests;

/// <summary>The app with Stripe switched on, pointed at a <see cref="FakeStripe"/>.</summary>
public sealed class StripeAppFixture : ApiAppFixture
{
    internal FakeStripe Stripe { get; } = new();

    protected override SingrApiFactory CreateFactory() => new(Database, seedDemo: false, Clock, settings: new Dictionary<string, string?>
    {
        ["Singr:Stripe:SecretKey"] = FakeStripe.SecretKey,
        ["Singr:Stripe:WebhookSecret"] = FakeStripe.WebhookSecret,
        ["Singr:Stripe:ApiBase"] = Stripe.ApiBase,
    });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Stripe.Dispose();
    }
}
