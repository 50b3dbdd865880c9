using Singr.Api.Access;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Grains.Accounts;
using Singr.Grains.Interfaces.Accounts;
using Orleans;

namespace Singr.Api.Auth;

/// <summary>Changes to what a signed-in account's token says: its active organisation and its singer profile.</summary>
public static class ProfileEndpoints
{
    public static IEndpointRouteBuilder MapProfileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/v1/auth").WithTags("Auth").RequireRateLimiting(RateLimitPolicies.CustomerApi);
        auth.MapPost("/switch-customer", SwitchCustomerAsync)
            .WithSummary("Act for another of one's organisations")
            .WithDescription("Returns an access token whose customer_id is that organisation; later refreshes keep it.")
            .ProducesEnvelope<AccessTokenReply>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireAccount();
        auth.MapPut("/me/singer-profile", SetSingerProfileAsync)
            .WithSummary("Create or rename one's singer profile (the singer role)")
            .ProducesEnvelope<AccessTokenReply>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden)
            .RequireAccount();
        return endpoints;
    }

    private static async Task<IResult> SwitchCustomerAsync(SwitchCustomerRequest request, HttpContext context, IGrainFactory grains, AccessTokenIssuer tokens)
    {
        if (request.CustomerId is not { } customerId)
        {
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail("customerId", "The organisation's id is required.")]);
        }

        var caller = context.RequireCaller();
        if (caller.IsImpersonated)
        {
            return ApiResults.Failure(context, StatusCodes.Status403Forbidden, AccessErrors.NotUnderImpersonation());
        }

        var outcome = await grains.GetGrain<IAccountGrain>(caller.Email!).ChooseActiveCustomer(customerId);
        return outcome.Error is { } error ? DomainRefusals.ToResult(context, error) : Reissue(context, tokens, outcome.Value!);
    }

    private static async Task<IResult> SetSingerProfileAsync(SingerProfileRequest request, HttpContext context, IGrainFactory grains, AccessTokenIssuer tokens)
    {
        var nickname = request.Nickname?.Trim();
        if (string.IsNullOrEmpty(nickname) || nickname.Length > AccountGrain.MaxNicknameLength || nickname.Any(char.IsControl))
        {
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail("nickname", $"A nickname of 1 to {AccountGrain.MaxNicknameLength} characters is required.")]);
        }

        var caller = context.RequireCaller();
        if (caller.IsImpersonated)
        {
            return ApiResults.Failure(context, StatusCodes.Status403Forbidden, AccessErrors.NotUnderImpersonation());
        }

        var outcome = await grains.GetGrain<IAccountGrain>(caller.Email!).SetNickname(nickname);
        return outcome.Error is { } error ? DomainRefusals.ToResult(context, error) : Reissue(context, tokens, outcome.Value!);
    }

    private static IResult Reissue(HttpContext context, AccessTokenIssuer tokens, AccountProfile profile)
    {
        var access = tokens.Issue(profile);
        return ApiResults.Success(context, new AccessTokenReply(profile, access.Token, access.ExpiresAt));
    }
}
