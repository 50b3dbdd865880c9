using Singr.Api.Access;
using Singr.Api.Admin;
using Singr.Api.Auth;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Accounts;
using Orleans;
using Singr.Grains.Interfaces.Wallets;

namespace Singr.Api.Wallets;

/// <summary>
/// Credits: a user's balance and ledger; a venue's hosts giving or taking credits; platform admins granting EARNED.
/// Every change goes through the user's wallet grain, with its ledger row and audit row in one transaction.
/// </summary>
public static class CreditEndpoints
{

    public static IEndpointRouteBuilder MapCreditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var mine = endpoints.MapGroup("/v1/users/me/credits").WithTags("Credits").RequireRateLimiting(RateLimitPolicies.CustomerApi);
        mine.MapGet("/", BalanceAsync)
            .WithSummary("The caller's balance, held credits and totals (an account's, or a guest's on this device)")
            .ProducesEnvelope<WalletBalance>()
            .ProducesErrors(StatusCodes.Status403Forbidden)
            .RequireWalletOwner();
        mine.MapGet("/transactions", TransactionsAsync)
            .WithSummary("The caller's credit ledger, newest first (EARNED, SPENT, ADDED, REMOVED)")
            .ProducesEnvelope<Page<LedgerEntry>>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden)
            .RequireWalletOwner();

        mine.MapPost("/move-guest", MoveGuestAsync)
            .WithSummary("Move the credits of this device's guest session at a venue to the signed-in account, once")
            .WithDescription("The body names the guest session as it was started (venueId, deviceId and the deviceKey the device was given): that is the proof it is this device's. Held credits stay with the guest's waiting requests. Asked again, it answers the same move.")
            .ProducesEnvelope<GuestCreditsClaimed>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireAccount();

        endpoints.MapPost("/v1/venues/{venueId}/credits", AdjustAtVenueAsync)
            .WithTags("Credits")
            .WithSummary("Give (ADDED) or take (REMOVED) a patron's credits, with a reason; audited")
            .ProducesEnvelope<WalletBalance>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)
            .RequireRateLimiting(RateLimitPolicies.CustomerApi)
            .RequireCustomerPermission(Permissions.VenuesWrite)
            .RequireOwnedVenue();
        endpoints.MapPost("/v1/admin/users/{userId}/credits", GrantAsync)
            .WithTags("Admin")
            .WithSummary("Grant EARNED credits (promotions); audited")
            .ProducesEnvelope<WalletBalance>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireRateLimiting(RateLimitPolicies.AdminApi)
            .RequirePlatformPermission(Permissions.UsersManage);
        return endpoints;
    }

    private static async Task<IResult> BalanceAsync(HttpContext context, IGrainFactory grains) =>
        ApiResults.Success(context, await grains.GetGrain<ICreditWalletGrain>(WalletOwner.Of(context.RequireCaller())!.Value).GetBalance());

    private static async Task<IResult> TransactionsAsync(HttpContext context, CreditLedger ledger, CancellationToken cancellationToken)
    {
        var problems = new List<ApiErrorDetail>();
        var page = PageRequest.Parse(context.Request, problems);
        return problems.Count > 0
            ? ApiResults.ValidationFailed(context, problems)
            : ApiResults.Success(context, await ledger.ForUserAsync(WalletOwner.Of(context.RequireCaller())!.Value, page, cancellationToken));
    }

    private static async Task<IResult> MoveGuestAsync(GuestRequest body, HttpContext context, VenueDirectory venues, IGrainFactory grains)
    {
        var problems = body.Check().ToList();
        if (body.DeviceKey is null)
        {
            problems.Add(new("deviceKey", DeviceKeys.Rule));
        }

        if (problems.Count > 0)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        if (await venues.FindBySlugAsync(body.VenueId, context.RequestAborted) is not { } venue)
        {
            return ApiResults.Failure(context, StatusCodes.Status404NotFound, VenueErrors.NotFound());
        }

        var caller = context.RequireCaller();
        var account = caller.UserId!.Value;
        var stamp = caller.Stamp(context, role: null);
        var guestWallet = WalletOwner.OfGuest(DeviceKeys.GuestIdOf(venue.Id, body.DeviceId!, body.DeviceKey!))!.Value;
        var moved = await grains.GetGrain<ICreditWalletGrain>(guestWallet).MoveGuestCredits(new MoveGuestCredits(account, stamp));
        if (moved.Value is not { } move)
        {
            return DomainRefusals.ToResult(context, moved.Error!);
        }

        var wallet = grains.GetGrain<ICreditWalletGrain>(account);
        var balance = move.Credits > 0
            ? (await wallet.Adjust(new AdjustCredits(move.OperationId, LedgerTypes.Added, move.Credits, venue.Id, null, "Moved from this device's guest session", stamp))).Value!
            : await wallet.GetBalance();
        return ApiResults.Success(context, new GuestCreditsClaimed(move.Credits, move.MovedAt, balance));
    }

    private static async Task<IResult> AdjustAtVenueAsync(
        string venueId, VenueCreditsBody body, HttpContext context, IGrainFactory grains, UserDirectory users, CancellationToken cancellationToken)
    {
        if (body.Check() is { Count: > 0 } problems)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        var userId = body.UserId ?? (await grains.GetGrain<IAccountGrain>(AccountEmail.Normalize(body.Email!)).GetProfile())?.UserId;
        if (userId is null || await users.EmailOfAsync(userId.Value, cancellationToken) is null)
        {
            return DomainRefusals.ToResult(context, DomainErrors.AccountNotFound);
        }

        var customer = CustomerContext.Of(context);
        var command = new AdjustCredits(
            OperationId(context), body.Type!, body.Amount!.Value, OwnedVenue.Of(context).Id, customer.CustomerId, body.Reason!.Trim(), customer.Stamp(context));
        return DomainRefusals.Result(context, await grains.GetGrain<ICreditWalletGrain>(userId.Value).Adjust(command));
    }

    private static async Task<IResult> GrantAsync(
        string userId, GrantCreditsBody body, HttpContext context, IGrainFactory grains, UserDirectory users, CancellationToken cancellationToken)
    {
        if (body.Check() is { Count: > 0 } problems)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        if (!Guid.TryParse(userId, out var id) || await users.EmailOfAsync(id, cancellationToken) is null)
        {
            return DomainRefusals.ToResult(context, DomainErrors.AccountNotFound);
        }

        var command = new AdjustCredits(OperationId(context), LedgerTypes.Earned, body.Amount!.Value, null, null, body.Reason!.Trim(), PlatformContext.Of(context).Stamp(context));
        return DomainRefusals.Result(context, await grains.GetGrain<ICreditWalletGrain>(id).Adjust(command));
    }

    /// <summary>An Idempotency-Key makes a retried adjustment apply once.</summary>
    private static Guid OperationId(HttpContext context)
    {
        var key = context.Request.Headers[Queue.RequestIds.IdempotencyHeader].ToString();
        return Queue.RequestIds.For(Guid.Empty, context.RequireCaller().Subject + "|" + context.Request.Path, key);
    }
}
