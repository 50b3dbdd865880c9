using Singr.Api.Access;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Access;

namespace Singr.Api.Audit;

/// <summary>
/// The audit trail: every organisation's for platform staff (<c>/v1/admin/audit</c>), one's own organisation's for its
/// owners (<c>/v1/customer/audit</c>). Filter by actor, venue, action and time; paginated, newest first.
/// </summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/admin/audit", AdminAsync)
            .WithTags("Audit")
            .WithSummary("Every organisation's audit trail (platform staff)")
            .ProducesEnvelope<Page<AuditRecord>>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireRateLimiting(RateLimitPolicies.AdminApi)
            .RequirePlatformPermission(Permissions.AuditRead);
        endpoints.MapGet("/v1/customer/audit", CustomerAsync)
            .WithTags("Audit")
            .WithSummary("The active organisation's audit trail (owners)")
            .ProducesEnvelope<Page<AuditRecord>>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireRateLimiting(RateLimitPolicies.CustomerApi)
            .RequireCustomerPermission(Permissions.OrganizationRead);
        return endpoints;
    }

    private static Task<IResult> AdminAsync(string? venueId, HttpContext context, VenueDirectory venues, AuditLog audit, CancellationToken cancellationToken) =>
        SearchAsync(context, venueId, customerId: null, venues, audit, cancellationToken);

    private static Task<IResult> CustomerAsync(string? venueId, HttpContext context, VenueDirectory venues, AuditLog audit, CancellationToken cancellationToken)
    {
        var customer = CustomerContext.Of(context);
        return customer.Member.Role == Roles.CustomerOwner
            ? SearchAsync(context, venueId, customer.CustomerId, venues, audit, cancellationToken)
            : Task.FromResult(ApiResults.Failure(context, StatusCodes.Status403Forbidden, AccessErrors.OwnerRequired()));
    }

    private static async Task<IResult> SearchAsync(
        HttpContext context, string? venueId, Guid? customerId, VenueDirectory venues, AuditLog audit, CancellationToken cancellationToken)
    {
        var problems = new List<ApiErrorDetail>();
        var page = PageRequest.Parse(context.Request, problems);
        var filter = AuditFilter.Parse(context.Request, customerId, problems);
        if (problems.Count > 0)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        if (!string.IsNullOrEmpty(venueId))
        {
            var venue = await venues.FindBySlugAsync(venueId, cancellationToken);
            if (venue is null || (customerId is not null && venue.CustomerId != customerId))
            {
                return ApiResults.Failure(context, StatusCodes.Status404NotFound, VenueErrors.NotFound());
            }

            filter = filter with { VenueId = venue.Id };
        }

        return ApiResults.Success(context, await audit.SearchAsync(filter, page, cancellationToken));
    }
}
