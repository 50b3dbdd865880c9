using Singr.Api.Access;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;
using Orleans;

namespace Singr.Api.Queue;

/// <summary><c>/v1/venues/{venueId}/settings</c>: how a venue takes requests (mode, costs, limits, blocklist, hours).</summary>
public static class VenueSettingsEndpoints
{
    public static IEndpointRouteBuilder MapVenueSettingsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var settings = endpoints.MapGroup("/v1/venues/{venueId}/settings").WithTags("Venues")
            .RequireRateLimiting(RateLimitPolicies.CustomerApi)
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        settings.MapGet("/", GetAsync)
            .WithSummary("The venue's request settings")
            .ProducesEnvelope<VenueSettings>()
            .RequireCustomerPermission(Permissions.VenuesRead)
            .RequireOwnedVenue();
        settings.MapPatch("/", UpdateAsync)
            .WithSummary("Change request settings; omitted fields stay, autoCloseAt \"\" removes the closing time")
            .ProducesEnvelope<VenueSettings>()
            .ProducesErrors(StatusCodes.Status400BadRequest)
            .RequireCustomerPermission(Permissions.VenuesWrite)
            .RequireOwnedVenue();
        endpoints.MapPost("/v1/venues/{venueId}/close", CloseAsync)
            .WithTags("Venues")
            .WithSummary("Close for the night: requests close, the queue empties and held credits go back to their patrons")
            .ProducesEnvelope<QueueSnapshot>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireRateLimiting(RateLimitPolicies.CustomerApi)
            .RequireCustomerPermission(Permissions.VenuesWrite)
            .RequireOwnedVenue();
        return endpoints;
    }

    private static async Task<IResult> CloseAsync(string venueId, HttpContext context, IGrainFactory grains) =>
        DomainRefusals.Result(
            context,
            await grains.GetGrain<IVenueQueueGrain>(OwnedVenue.Of(context).Id).CloseForTheNight(CustomerContext.Of(context).Stamp(context)),
            message: "Closed for the night.");

    private static async Task<IResult> GetAsync(string venueId, HttpContext context, IGrainFactory grains) =>
        await grains.GetGrain<IVenueQueueGrain>(OwnedVenue.Of(context).Id).GetSettings() is { } settings
            ? ApiResults.Success(context, settings)
            : ApiResults.Failure(context, StatusCodes.Status404NotFound, VenueErrors.NotFound());

    private static async Task<IResult> UpdateAsync(string venueId, VenueSettingsBody body, HttpContext context, IGrainFactory grains)
    {
        var patch = body.ToPatch();
        var problems = VenueSettingsRules.Check(patch);
        if (problems.Count > 0)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        var venue = grains.GetGrain<IVenueQueueGrain>(OwnedVenue.Of(context).Id);
        var current = await venue.GetSettings();
        if (current is not null && !(patch.AcceptKaraoke ?? current.AcceptKaraoke) && !(patch.AcceptJukebox ?? current.AcceptJukebox))
        {
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail("acceptJukebox", "Accept at least one kind of request.")]);
        }

        return DomainRefusals.Result(context, await venue.UpdateSettings(patch, CustomerContext.Of(context).Stamp(context)));
    }
}
