using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Orleans;
using Singr.Api.Access;
using Singr.Api.Http;
using Singr.Api.Queue;
using Singr.Api.RateLimiting;
using Singr.Api.Wallets;
using Singr.Grains.Interfaces.Credits;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Wallets;
using Stripe;
using Stripe.Checkout;

namespace Singr.Api.Payments;

/// <summary>
/// Buying credits: the packages, a Stripe Checkout session for one, and Stripe's webhook, which is the only thing that
/// adds the credits: the endpoint checks the signature and hands the event to the buyer's wallet grain, which adds
/// them once per session.
/// </summary>
public static class PaymentEndpoints
{
    /// <summary>Stripe's events are small; anything larger is not Stripe.</summary>
    public const long MaxWebhookBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/credits/packages", PackagesAsync)
            .WithTags("Credits")
            .WithSummary("The credit packages on sale, with their prices; ?venueId= adds the venue's small package where it sells one")
            .ProducesEnvelope<IReadOnlyList<CreditPackage>>()
            .ProducesErrors(StatusCodes.Status404NotFound)
            .RequireRateLimiting(RateLimitPolicies.PublicVenues)
            .AllowAnonymous();
        endpoints.MapGet("/v1/users/me/credits/purchases", PurchasesAsync)
            .WithTags("Credits")
            .WithSummary("The caller's credit purchases, newest first: pending, completed or expired")
            .ProducesEnvelope<IReadOnlyList<PurchaseView>>()
            .ProducesErrors(StatusCodes.Status403Forbidden)
            .RequireRateLimiting(RateLimitPolicies.CustomerApi)
            .RequireWalletOwner();
        endpoints.MapPost("/v1/users/me/credits/purchase", PurchaseAsync)
            .WithTags("Credits")
            .WithSummary("Open a Stripe Checkout for a package; the credits arrive when Stripe confirms the payment")
            .WithDescription("Send the same Idempotency-Key again (a retried tap) to get the same checkout back. A guest buys into the wallet of this device's guest session.")
            .ProducesEnvelope<CheckoutStarted>(StatusCodes.Status201Created)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable)
            .RequireRateLimiting(RateLimitPolicies.CustomerApi)
            .RequireWalletOwner();
        endpoints.MapPost("/v1/webhooks/stripe", WebhookAsync)
            .WithTags("Credits")
            .WithSummary("Stripe's webhook: checkout.session.completed adds a purchase's credits once; expired records it")
            .WithDescription("Refused with 400 BAD_SIGNATURE, changing nothing, unless Stripe-Signature signs this body with the webhook secret within 5 minutes.")
            .ProducesEnvelope<WebhookHandled>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(new RequestBodyLimit(MaxWebhookBytes))
            .RequireRateLimiting(RateLimitPolicies.PublicVenues)
            .AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> PackagesAsync(string? venueId, HttpContext context, CreditPackages packages) =>
        await packages.OnSaleAsync(venueId, context.RequestAborted) is { } onSale
            ? ApiResults.Success(context, onSale)
            : ApiResults.Failure(context, StatusCodes.Status404NotFound, Venues.VenueErrors.NotFound());

    private static async Task<IResult> PurchasesAsync(HttpContext context, IGrainFactory grains) =>
        ApiResults.Success(context, await grains.GetGrain<ICreditWalletGrain>(WalletOwner.Of(context.RequireCaller())!.Value).ListPurchases());

    private static async Task<IResult> PurchaseAsync(
        PurchaseBody body,
        HttpContext context,
        IOptions<StripeOptions> stripe,
        CreditPackages packages,
        CheckoutSessions checkouts,
        IGrainFactory grains,
        ILoggerFactory loggers)
    {
        var onSale = await packages.OnSaleAsync(body.VenueId, context.RequestAborted) ?? [];
        var package = onSale.FirstOrDefault(p => string.Equals(p.Name, body.Package, StringComparison.OrdinalIgnoreCase));
        if (package is null)
        {
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail("package", $"One of {string.Join(", ", onSale.Select(p => p.Name))}.")]);
        }

        var key = context.Request.Headers[RequestIds.IdempotencyHeader].ToString();
        if (key.Length > RequestIds.MaxKeyLength)
        {
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail(RequestIds.IdempotencyHeader, $"At most {RequestIds.MaxKeyLength} characters.")]);
        }

        if (!stripe.Value.Enabled)
        {
            return ApiResults.Failure(context, StatusCodes.Status503ServiceUnavailable, PaymentErrors.PaymentsOff());
        }

        var caller = context.RequireCaller();
        var walletId = WalletOwner.Of(caller)!.Value;
        var attempt = key.Length > 0 ? RequestIds.For(walletId, "checkout", key) : Guid.NewGuid();
        Session session;
        try
        {
            session = await checkouts.OpenAsync(
                walletId, package, attempt, caller.Kind == CallerKind.Account ? caller.Email : null, ReturnAddress(context), context.RequestAborted);
        }
        catch (StripeException failure)
        {
            loggers.CreateLogger(typeof(PaymentEndpoints)).LogWarning("Stripe refused a checkout ({StripeError}): {Message}", failure.StripeError?.Code, failure.Message);
            return ApiResults.Failure(context, StatusCodes.Status502BadGateway, PaymentErrors.ProviderFailed());
        }

        await grains.GetGrain<ICreditWalletGrain>(walletId).StartPurchase(PurchaseOf(session.Id, package));
        return ApiResults.Success(context, new CheckoutStarted(session.Id, session.Url, package.Name, package.Credits, package.PriceCents, package.Currency), StatusCodes.Status201Created);
    }

    private static async Task<IResult> WebhookAsync(HttpContext context, IOptions<StripeOptions> stripe, IGrainFactory grains, TimeProvider clock, ILoggerFactory loggers)
    {
        var options = stripe.Value;
        if (!options.Enabled)
        {
            return ApiResults.Failure(context, StatusCodes.Status503ServiceUnavailable, PaymentErrors.PaymentsOff());
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var json = await reader.ReadToEndAsync(context.RequestAborted);
        Event delivered;
        try
        {
            delivered = EventUtility.ConstructEvent(
                json,
                context.Request.Headers["Stripe-Signature"].ToString(),
                options.WebhookSecret,
                (long)options.SignatureTolerance.TotalSeconds,
                clock.GetUtcNow().ToUnixTimeSeconds(),
                throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            return ApiResults.Failure(context, StatusCodes.Status400BadRequest, PaymentErrors.BadSignature());
        }

        if (delivered.Data.Object is not Session session || PurchaseOf(session) is not { } bought)
        {
            // Not a credit purchase (another event type, or a session Singr did not open): acknowledged, nothing to do.
            return ApiResults.Success(context, new WebhookHandled(delivered.Id, delivered.Type, Applied: false));
        }

        var wallet = grains.GetGrain<ICreditWalletGrain>(bought.WalletId);
        var stamp = new AuditStamp(Guid.Empty, "stripe", null, null, "payment_provider", context.Connection.RemoteIpAddress?.ToString(), delivered.Id);
        switch (delivered.Type)
        {
            case EventTypes.CheckoutSessionCompleted when session.PaymentStatus is "paid" or "no_payment_required":
            case EventTypes.CheckoutSessionAsyncPaymentSucceeded:
                await wallet.CompletePurchase(new CompletePurchase(
                    bought.Purchase, delivered.Id, stamp, session.PaymentIntentId, session.CustomerDetails?.Email ?? session.CustomerEmail));
                return ApiResults.Success(context, new WebhookHandled(delivered.Id, delivered.Type, Applied: true));
            case EventTypes.CheckoutSessionCompleted:
                // Paid later (a bank debit): checkout.session.async_payment_succeeded adds the credits.
                await wallet.StartPurchase(bought.Purchase);
                return ApiResults.Success(context, new WebhookHandled(delivered.Id, delivered.Type, Applied: false));
            case EventTypes.CheckoutSessionExpired or EventTypes.CheckoutSessionAsyncPaymentFailed:
                await wallet.ExpirePurchase(bought.Purchase);
                return ApiResults.Success(context, new WebhookHandled(delivered.Id, delivered.Type, Applied: true));
            default:
                loggers.CreateLogger(typeof(PaymentEndpoints)).LogInformation("Stripe event {EventType} {EventId} needs nothing from Singr", delivered.Type, delivered.Id);
                return ApiResults.Success(context, new WebhookHandled(delivered.Id, delivered.Type, Applied: false));
        }
    }

    private static StartPurchase PurchaseOf(string sessionId, CreditPackage package) =>
        new(sessionId, package.Name, package.Credits, package.PriceCents, package.Currency);

    /// <summary>The wallet and package a session Singr opened was for, from the metadata it put there.</summary>
    private static (Guid WalletId, StartPurchase Purchase)? PurchaseOf(Session session)
    {
        var metadata = session.Metadata ?? [];
        return metadata.TryGetValue(CheckoutSessions.WalletKey, out var wallet) && Guid.TryParse(wallet, out var walletId)
            && metadata.TryGetValue(CheckoutSessions.PackageKey, out var package)
            && metadata.TryGetValue(CheckoutSessions.CreditsKey, out var creditsText)
            && int.TryParse(creditsText, NumberStyles.None, CultureInfo.InvariantCulture, out var credits) && credits > 0
                ? (walletId, new StartPurchase(session.Id, package, credits, session.AmountTotal ?? 0, session.Currency ?? string.Empty))
                : null;
    }

    /// <summary>Where Stripe sends the patron back: this server's own pages.</summary>
    private static Uri ReturnAddress(HttpContext context) => new($"{context.Request.Scheme}://{context.Request.Host}/");
}
