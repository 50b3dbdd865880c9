using Singr.Api.Access;
using Singr.Api.Auth;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Access;
using Orleans;
using Singr.Grains.Interfaces.Venues;

namespace Singr.Api.Players;

/// <summary>
/// Player devices: a host issues a pairing code, the device exchanges it for a credential bound to the venue and the
/// device, and the host can revoke it.
/// </summary>
public static class PlayerEndpoints
{
    public static IEndpointRouteBuilder MapPlayerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var hosted = endpoints.MapGroup("/v1/venues/{venueId}/players").WithTags("Players")
            .RequireRateLimiting(RateLimitPolicies.CustomerApi)
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        hosted.MapPost("/pairing-codes", IssuePairingCodeAsync)
            .WithSummary("A pairing code for a player device: single use, valid 10 minutes")
            .ProducesEnvelope<PairingCodeIssued>(StatusCodes.Status201Created)
            .RequireCustomerPermission(Permissions.SystemsWrite)
            .RequireOwnedVenue();
        hosted.MapGet("/", ListAsync)
            .WithSummary("The venue's paired players, revoked ones included")
            .ProducesEnvelope<IReadOnlyList<PlayerView>>()
            .RequireCustomerPermission(Permissions.SystemsRead)
            .RequireOwnedVenue();
        hosted.MapDelete("/{playerId}", RevokeAsync)
            .WithSummary("Revoke a player's credential; its next request is refused")
            .ProducesEnvelope<PlayerView>()
            .RequireCustomerPermission(Permissions.SystemsWrite)
            .RequireOwnedVenue();

        var players = endpoints.MapGroup("/v1/players").WithTags("Players");
        players.MapPost("/pair", PairAsync)
            .WithSummary("Exchange a pairing code for a player credential bound to the venue and this device")
            .ProducesEnvelope<PlayerCredential>(StatusCodes.Status201Created)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized)
            .RequireRateLimiting(RateLimitPolicies.AuthSignIn);
        players.MapGet("/me", MeAsync)
            .WithSummary("The player this credential belongs to")
            .ProducesEnvelope<PlayerView>()
            .ProducesErrors(StatusCodes.Status403Forbidden)
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.CustomerApi);
        return endpoints;
    }

    private static async Task<IResult> IssuePairingCodeAsync(string venueId, HttpContext context, IGrainFactory grains)
    {
        var customer = CustomerContext.Of(context);
        var outcome = await grains.GetGrain<IVenueGrain>(OwnedVenue.Of(context).Id).IssuePairingCode(new IssuePairingCode(customer.Stamp(context)));
        return DomainRefusals.Result(context, outcome, StatusCodes.Status201Created, "Type this code on the player device within 10 minutes.");
    }

    private static async Task<IResult> ListAsync(string venueId, HttpContext context, IGrainFactory grains)
    {
        var venue = OwnedVenue.Of(context);
        var players = await grains.GetGrain<IVenueGrain>(venue.Id).ListPlayers();
        return ApiResults.Success(context, players.Select(p => PlayerView.From(p, venue.Slug)).ToList());
    }

    private static async Task<IResult> RevokeAsync(string venueId, string playerId, HttpContext context, IGrainFactory grains)
    {
        var customer = CustomerContext.Of(context);
        var venue = OwnedVenue.Of(context);
        if (!Guid.TryParse(playerId, out var id))
        {
            return DomainRefusals.ToResult(context, DomainErrors.PlayerNotFound);
        }

        var outcome = await grains.GetGrain<IVenueGrain>(venue.Id).RevokePlayer(new RevokePlayer(id, customer.Stamp(context)));
        return outcome.Error is { } error
            ? DomainRefusals.ToResult(context, error)
            : ApiResults.Success(context, PlayerView.From(outcome.Value!, venue.Slug), message: "Player revoked.");
    }

    private static async Task<IResult> PairAsync(PairRequest request, HttpContext context, IGrainFactory grains, AccessTokenIssuer tokens)
    {
        var code = PairingCode.Normalize(request.Code);
        var problems = new List<ApiErrorDetail>();
        if (code is null)
        {
            problems.Add(new ApiErrorDetail("code", "The pairing code is 8 letters and digits, as shown on the host's screen (e.g. ABCD-2345)."));
        }

        if (!DeviceIds.IsValid(request.DeviceId))
        {
            problems.Add(new ApiErrorDetail("deviceId", DeviceIds.Rule));
        }

        if (problems.Count > 0)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        var codeHash = PairingCode.Hash(code!);
        var venueId = await grains.GetGrain<IPairingCodeGrain>(codeHash).Redeem(request.DeviceId!);
        if (venueId is not { } id)
        {
            return DomainRefusals.ToResult(context, DomainErrors.PairingCodeInvalid);
        }

        var venue = grains.GetGrain<IVenueGrain>(id);
        var outcome = await venue.PairPlayer(new PairPlayer(codeHash, request.DeviceId!));
        if (outcome.Error is { } error || await venue.GetProfile() is not { } profile)
        {
            return DomainRefusals.ToResult(context, outcome.Error ?? DomainErrors.PairingCodeInvalid);
        }

        var player = outcome.Value!;
        var credential = tokens.IssuePlayer(player);
        return ApiResults.Success(
            context,
            new PlayerCredential(player.PlayerId, profile.Slug, player.DeviceId, credential.Token, credential.ExpiresAt),
            StatusCodes.Status201Created,
            "Paired. Keep this credential on the device; the host can revoke it.");
    }

    private static async Task<IResult> MeAsync(HttpContext context, IGrainFactory grains, Microsoft.Extensions.Options.IOptions<PlayerOptions> options)
    {
        var caller = context.RequireCaller();
        if (caller is not { Kind: CallerKind.Player, VenueId: { } venueId } || !Guid.TryParse(caller.Subject, out var playerId))
        {
            return ApiResults.Failure(context, StatusCodes.Status403Forbidden, AccessErrors.PlayerRequired());
        }

        var venue = grains.GetGrain<IVenueGrain>(venueId);
        var player = await venue.GetActivePlayer(playerId);
        var profile = await venue.GetProfile();
        return player is null || profile is null
            ? ApiResults.Failure(context, StatusCodes.Status401Unauthorized, ApiErrors.ForStatus(StatusCodes.Status401Unauthorized))
            : ApiResults.Success(context, PlayerView.From(player, profile.Slug) with { VideoAdapter = options.Value.VideoAdapter });
    }
}
