using Orleans;
using Singr.Api.Access;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Credits;
using Singr.Grains.Interfaces.Wallets;
using Stripe;

namespace Singr.Api.Payments;

/// <summary>
/// <c>/v1/admin/purchases</c>: platform admins see every credit purchase and refund one through Stripe; the buyer's
/// wallet then takes its credits back as far as they are left.
/// </summary>
public static class PurchaseAdminEndpoints
{
    public const int MaxReasonLength = 500;

    private static readonly string[] Statuses = [PurchaseStatuses.Pending, PurchaseStatuses.Completed, PurchaseStatuses.Expired, PurchaseStatuses.Refunded];

    public static IEndpointRouteBuilder MapPurchaseAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/v1/admin/purchases").WithTags("Admin").RequireRateLimiting(RateLimitPolicies.AdminApi);
        admin.MapGet("/", ListAsync)
            .WithSummary("Every credit purchase, newest first; ?status=pending|completed|expired|refunded")
            .ProducesEnvelope<Page<PurchaseListing>>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden)
            .RequirePlatformPermission(Permissions.UsersManage);
        admin.MapPost("/{sessionId}/refund", RefundAsync)
            .WithSummary("Refund a completed purchase through Stripe; its credits are taken back as far as they are left")
            .WithDescription("Credits already spent stay spent and are reported (creditsAlreadySpent); the balance never goes below zero. Asking again refunds nothing more.")
            .ProducesEnvelope<PurchaseRefunded>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status502BadGateway)
            .RequirePlatformPermission(Permissions.UsersManage);
        endpoints.MapPut("/v1/admin/credits/packages", SetPackagesAsync)
            .WithTags("Admin")
            .WithSummary("Replace the credit packages on sale; audited. Checkouts already opened keep their package")
            .ProducesEnvelope<IReadOnlyList<CreditPackage>>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden)
            .RequireRateLimiting(RateLimitPolicies.AdminApi)
            .RequirePlatformPermission(Permissions.UsersManage);
        return endpoints;
    }

    private static async Task<IResult> SetPackagesAsync(CreditPackagesBody body, HttpContext context, IGrainFactory grains)
    {
        var packages = (body.Packages ?? []).Select(p => p ?? new CreditPackage(string.Empty, 0, 0, string.Empty)).ToList();
        if (CreditPackageRules.Check(packages) is { Count: > 0 } problems)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        return ApiResults.Success(context, await grains.GetGrain<ICreditCatalogGrain>(ICreditCatalogGrain.Key)
            .SetPackages(new SetCreditPackages(packages, PlatformContext.Of(context).Stamp(context))));
    }

    private static async Task<IResult> ListAsync(string? status, HttpContext context, PurchaseBook purchases, CancellationToken cancellationToken)
    {
        var problems = new List<ApiErrorDetail>();
        var page = PageRequest.Parse(context.Request, problems);
        if (status is not null && !Statuses.Contains(status))
        {
            problems.Add(new("status", $"One of {string.Join(", ", Statuses)}."));
        }

        return problems.Count > 0
            ? ApiResults.ValidationFailed(context, problems)
            : ApiResults.Success(context, await purchases.ListAsync(status, page, cancellationToken));
    }

    private static async Task<IResult> RefundAsync(
        string sessionId, RefundBody body, HttpContext context, PurchaseBook purchases, StripeRefunds refunds, IGrainFactory grains, ILoggerFactory loggers)
    {
        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > MaxReasonLength)
        {
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail("reason", $"Why, 1 to {MaxReasonLength} characters.")]);
        }

        if (await purchases.FindAsync(sessionId, context.RequestAborted) is not { } purchase)
        {
            return DomainRefusals.ToResult(context, DomainErrors.PurchaseNotFound);
        }

        if (purchase.Status == PurchaseStatuses.Completed)
        {
            if (purchase.PaymentIntentId is not { } paymentIntent)
            {
                return DomainRefusals.ToResult(context, DomainErrors.PurchaseNotRefundable);
            }

            try
            {
                await refunds.RefundAsync(sessionId, paymentIntent, context.RequestAborted);
            }
            catch (StripeException failure)
            {
                loggers.CreateLogger(typeof(PurchaseAdminEndpoints)).LogWarning("Stripe refused a refund ({StripeError}): {Message}", failure.StripeError?.Code, failure.Message);
                return ApiResults.Failure(context, StatusCodes.Status502BadGateway, PaymentErrors.RefundFailed());
            }
        }

        var command = new RefundPurchase(sessionId, body.Reason.Trim(), PlatformContext.Of(context).Stamp(context));
        return DomainRefusals.Result(context, await grains.GetGrain<ICreditWalletGrain>(purchase.WalletId).RefundPurchase(command));
    }
}
