using Singr.Api.Access;
using Singr.Api.Admin;
using Singr.Api.Http;
using Singr.Api.Hubs;
using Singr.Api.RateLimiting;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Quotas;
using Orleans;

namespace Singr.Api.Quotas;

/// <summary>
/// Request allowances (book requests' quotas): a venue's owners set tiers (so many requests a night or a month), a
/// default tier and who is in which; a patron reads what they have left at a venue. The venue grain counts.
/// </summary>
public static class QuotaEndpoints
{
    public static IEndpointRouteBuilder MapQuotaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var quota = endpoints.MapGroup("/v1/venues/{venueId}/quota").WithTags("Quotas")
            .RequireRateLimiting(RateLimitPolicies.CustomerApi)
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        quota.MapGet("/", GetPolicyAsync)
            .WithSummary("The venue's quota tiers, default tier and patrons' assignments")
            .ProducesEnvelope<QuotaPolicy>()
            .RequireCustomerPermission(Permissions.VenuesWrite)
            .RequireOwnedVenue();
        quota.MapPut("/", SetTiersAsync)
            .WithSummary("Replace the venue's quota tiers and default tier; patrons of a tier that is gone fall back to the default")
            .ProducesEnvelope<QuotaPolicy>()
            .ProducesErrors(StatusCodes.Status400BadRequest)
            .RequireCustomerPermission(Permissions.VenuesWrite)
            .RequireOwnedVenue();
        quota.MapPut("/patrons/{userId}", AssignAsync)
            .WithSummary("Put a patron account in one of the venue's tiers")
            .WithDescription("400 QUOTA_TIER_NOT_FOUND when the venue has no tier of that name; 404 for an unknown account.")
            .ProducesEnvelope<QuotaPolicy>()
            .ProducesErrors(StatusCodes.Status400BadRequest)
            .RequireCustomerPermission(Permissions.VenuesWrite)
            .RequireOwnedVenue();
        quota.MapDelete("/patrons/{userId}", UnassignAsync)
            .WithSummary("Return a patron account to the venue's default tier")
            .ProducesEnvelope<QuotaPolicy>()
            .RequireCustomerPermission(Permissions.VenuesWrite)
            .RequireOwnedVenue();
        endpoints.MapGet("/v1/users/me/quota", MineAsync)
            .WithTags("Quotas")
            .WithSummary("The caller's request allowance at a venue now: allowed, used and remaining this night or month (nulls: unlimited)")
            .WithDescription("A signed-in account at any venue, or a guest session at its own venue (venueId).")
            .ProducesEnvelope<RequestQuota>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireRateLimiting(RateLimitPolicies.PublicVenues)
            .RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> GetPolicyAsync(string venueId, HttpContext context, IGrainFactory grains) =>
        await grains.GetGrain<IVenueQuotaGrain>(OwnedVenue.Of(context).Id).GetQuotaPolicy() is { } policy
            ? ApiResults.Success(context, policy)
            : ApiResults.Failure(context, StatusCodes.Status404NotFound, VenueErrors.NotFound());

    private static async Task<IResult> SetTiersAsync(string venueId, QuotaTiersBody body, HttpContext context, IGrainFactory grains)
    {
        var problems = QuotaTierRules.Check(body, out var tiers, out var defaultTier);
        if (problems.Count > 0)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        var command = new SetQuotaTiers(tiers, defaultTier, CustomerContext.Of(context).Stamp(context));
        return DomainRefusals.Result(context, await grains.GetGrain<IVenueQuotaGrain>(OwnedVenue.Of(context).Id).SetQuotaTiers(command));
    }

    private static async Task<IResult> AssignAsync(
        string venueId, string userId, QuotaAssignmentBody body, HttpContext context, IGrainFactory grains, UserDirectory users, CancellationToken cancellationToken)
    {
        var tier = body.Tier?.Trim();
        if (string.IsNullOrEmpty(tier))
        {
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail("tier", "The name of one of the venue's tiers (DELETE returns the patron to the default).")]);
        }

        return await AssignTierAsync(userId, tier, context, grains, users, cancellationToken);
    }

    private static Task<IResult> UnassignAsync(
        string venueId, string userId, HttpContext context, IGrainFactory grains, UserDirectory users, CancellationToken cancellationToken) =>
        AssignTierAsync(userId, null, context, grains, users, cancellationToken);

    private static async Task<IResult> AssignTierAsync(
        string userId, string? tier, HttpContext context, IGrainFactory grains, UserDirectory users, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(userId, out var patronId) || await users.EmailOfAsync(patronId, cancellationToken) is null)
        {
            return DomainRefusals.ToResult(context, DomainErrors.AccountNotFound);
        }

        var command = new AssignQuotaTier(patronId, tier, CustomerContext.Of(context).Stamp(context));
        return DomainRefusals.Result(context, await grains.GetGrain<IVenueQuotaGrain>(OwnedVenue.Of(context).Id).AssignQuotaTier(command));
    }

    private static async Task<IResult> MineAsync(string? venueId, HttpContext context, IGrainFactory grains, VenueDirectory venues, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(venueId))
        {
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail("venueId", "Which venue (its id, e.g. main-bar).")]);
        }

        var caller = context.RequireCaller();
        if (PatronKeys.Of(caller) is not { } patronKey)
        {
            return ApiResults.Failure(context, StatusCodes.Status403Forbidden, AccessErrors.PlayerCannotRequest());
        }

        var venue = await venues.FindBySlugAsync(venueId, cancellationToken);
        if (venue is null)
        {
            return ApiResults.Failure(context, StatusCodes.Status404NotFound, VenueErrors.NotFound());
        }

        if (!VenueVisitor.Admits(caller, venue))
        {
            return ApiResults.Failure(context, StatusCodes.Status403Forbidden, AccessErrors.WrongVenue());
        }

        return await grains.GetGrain<IVenueQuotaGrain>(venue.Id).GetQuota(patronKey, caller.UserId) is { } quota
            ? ApiResults.Success(context, quota)
            : ApiResults.Failure(context, StatusCodes.Status404NotFound, VenueErrors.NotFound());
    }
}
