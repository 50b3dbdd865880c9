using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Request = WireMock.RequestBuilders.Request;

namespace Singr.Api.Tests;

/// <summary>
/// A local stand-in for Stripe's API (WireMock): it opens checkout sessions (one per idempotency key, as Stripe does)
/// and signs webhook events with the webhook secret, as Stripe would deliver them.
/// </summary>
internal sealed class FakeStripe : IDisposable
{
    public const string SecretKey = "sk_test_singr_fake";
    public const string WebhookSecret = "whsec_singr_fake_secret";

    private readonly WireMockServer _server = WireMockServer.Start();

    public FakeStripe() => OpenCheckouts();

    public string ApiBase => _server.Urls[0];

    /// <summary>The form bodies Stripe.net sent to open checkouts.</summary>
    public IReadOnlyList<string> CheckoutRequests =>
        [.. _server.LogEntries.Where(e => e.RequestMessage.Path == "/v1/checkout/sessions").Select(e => e.RequestMessage.Body ?? string.Empty)];

    public void OpenCheckouts()
    {
        _server.Reset();
        _server.Given(Request.Create().WithPath("/v1/checkout/sessions").UsingPost())
            .RespondWith(Response.Create()
                .WithStatusCode(200)
                .WithHeader("Content-Type", "application/json")
                .WithBody("""
                    {"id": "cs_test_{{request.headers.Idempotency-Key}}", "object": "checkout.session", "mode": "payment",
                     "payment_status": "unpaid", "status": "open", "currency": "usd",
                     "url": "https://checkout.stripe.test/c/pay/cs_test_{{request.headers.Idempotency-Key}}"}
                    """)
                .WithTransformer());
        _server.Given(Request.Create().WithPath("/v1/refunds").UsingPost())
            .RespondWith(Response.Create()
                .WithStatusCode(200)
                .WithHeader("Content-Type", "application/json")
                .WithBody("""{"id": "re_test_{{request.headers.Idempotency-Key}}", "object": "refund", "status": "succeeded", "currency": "usd"}""")
                .WithTransformer());
    }

    /// <summary>The form bodies Stripe.net sent to make refunds.</summary>
    public IReadOnlyList<string> RefundRequests =>
        [.. _server.LogEntries.Where(e => e.RequestMessage.Path == "/v1/refunds").Select(e => e.RequestMessage.Body ?? string.Empty)];

    public void FailCheckouts()
    {
        _server.Reset();
        _server.Given(Request.Create().WithPath("/v1/checkout/sessions").UsingPost())
            .RespondWith(Response.Create()
                .WithStatusCode(500)
                .WithHeader("Content-Type", "application/json")
                .WithBody("""{"error": {"type": "api_error", "message": "Stripe is having a bad day."}}"""));
    }

    /// <summary>A checkout session event as Stripe sends it, for the session Singr opened for a wallet.</summary>
    /// <param name="receiptEmail">The address the buyer typed at checkout (<c>customer_details.email</c>).</param>
    public static string SessionEvent(
        string type, string sessionId, Guid walletId, string package, int credits, long amount, string paymentStatus = "paid", string? receiptEmail = null) =>
        JsonSerializer.Serialize(new
        {
            id = "evt_" + Guid.NewGuid().ToString("N"),
            @object = "event",
            api_version = "2025-01-27.acacia",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            livemode = false,
            type,
            data = new
            {
                @object = new
                {
                    id = sessionId,
                    @object = "checkout.session",
                    mode = "payment",
                    payment_status = paymentStatus,
                    amount_total = amount,
                    currency = "usd",
                    client_reference_id = walletId.ToString("D"),
                    payment_intent = "pi_test_" + sessionId,
                    customer_details = receiptEmail is null ? null : new { email = receiptEmail },
                    metadata = new Dictionary<string, string>
                    {
                        ["singr_wallet"] = walletId.ToString("D"),
                        ["singr_package"] = package,
                        ["singr_credits"] = credits.ToString(CultureInfo.InvariantCulture),
                    },
                },
            },
        });

    /// <summary>The Stripe-Signature header for <paramref name="payload"/>, signed at <paramref name="at"/>.</summary>
    public static string Signature(string payload, DateTimeOffset at, string secret = WebhookSecret)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(signature)}";
    }

    public void Dispose() => _server.Dispose();
}
