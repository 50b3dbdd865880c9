using System.Security.Claims;
using Singr.Api.Access;
using Singr.Api.Audit;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Accounts;
using Orleans;

namespace Singr.Api.Auth;

/// <summary><c>/v1/auth</c>: register, login, refresh (rotating), logout, guest, me. Account rules live in the account and session grains.</summary>
public static class AuthEndpoints
{
    private static readonly ApiError InvalidCredentials = new(
        "INVALID_CREDENTIALS", "The email or password is wrong.", "That email and password don't match an account.", []);

    private static readonly ApiError InvalidRefreshToken = new(
        "INVALID_REFRESH_TOKEN", "The refresh token is unknown, expired, revoked or was already used.", "Please sign in again.", []);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/v1/auth").WithTags("Auth");
        auth.MapPost("/register", RegisterAsync)
            .WithSummary("Create an account and sign in")
            .ProducesEnvelope<AuthSession>(StatusCodes.Status201Created)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict)
            .RequireRateLimiting(RateLimitPolicies.AuthRegister);
        auth.MapPost("/login", LoginAsync)
            .WithSummary("Sign in with email and password")
            .WithDescription("When the account has two-factor sign-in on, data is a TwoFactorChallengeReply ({twoFactorRequired: true, challengeToken, methods}) instead of a session: complete it at /v1/auth/2fa/verify.")
            .ProducesEnvelope<AuthSession>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized)
            .RequireRateLimiting(RateLimitPolicies.AuthSignIn);
        auth.MapPost("/refresh", RefreshAsync)
            .WithSummary("Trade a refresh token for a new token pair")
            .WithDescription("Refresh tokens rotate: each works once. Presenting a used one revokes its whole family.")
            .ProducesEnvelope<AuthSession>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized)
            .RequireRateLimiting(RateLimitPolicies.CustomerApi);
        auth.MapPost("/logout", LogoutAsync)
            .WithSummary("Sign out: revoke a refresh token's session")
            .ProducesEnvelope<SignOutResult>()
            .ProducesErrors(StatusCodes.Status400BadRequest)
            .RequireRateLimiting(RateLimitPolicies.CustomerApi);
        auth.MapPost("/guest", GuestAsync)
            .WithSummary("Start a guest session at a venue for a device")
            .WithDescription("The first session of a device returns a deviceKey; the same device sending it again is the same guest, and without it a new guest. The token is good for that venue only.")
            .ProducesEnvelope<GuestSession>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .RequireRateLimiting(RateLimitPolicies.PublicVenues);
        auth.MapGet("/me", MeAsync)
            .WithSummary("Who the access token belongs to")
            .WithDescription("An account's profile; for a guest token, data is a GuestIdentity ({guestId, role: \"guest\"}) instead.")
            .ProducesEnvelope<AccountProfile>()
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.CustomerApi);
        return endpoints;
    }

    private static async Task<IResult> RegisterAsync(RegisterRequest request, HttpContext context, IGrainFactory grains, AccessTokenIssuer tokens)
    {
        var problems = CredentialRules.Check(request);
        if (problems.Count > 0)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        var account = grains.GetGrain<IAccountGrain>(AccountEmail.Normalize(request.Email!));
        var result = await account.Register(new RegisterAccount(request.Email!, request.Name!, request.Password!));
        if (result.EmailTaken)
        {
            return ApiResults.Failure(context, StatusCodes.Status409Conflict, new ApiError(
                "EMAIL_TAKEN", "An account with this email exists.", "That email is already registered. Try signing in.", [new("email", "Already registered.")]));
        }

        return ApiResults.Success(context, await StartSessionAsync(grains, tokens, result.Profile!), StatusCodes.Status201Created);
    }

    private static async Task<IResult> LoginAsync(
        LoginRequest request, HttpContext context, IGrainFactory grains, AccessTokenIssuer tokens, SecurityAudit audit)
    {
        var email = CredentialRules.IsEmail(request.Email) ? AccountEmail.Normalize(request.Email!) : null;
        var step = email is null || string.IsNullOrEmpty(request.Password) ? null : await grains.GetGrain<IAccountGrain>(email).SignIn(request.Password);
        if (step is null)
        {
            audit.Record(context, SecurityAudit.SignInFailed, "account", email ?? "-", new { reason = "wrong email or password" }, actor: email);
            return ApiResults.Failure(context, StatusCodes.Status401Unauthorized, InvalidCredentials);
        }

        return await SignInReplyAsync(context, grains, tokens, step);
    }

    /// <summary>A finished sign-in's session, or the two-factor challenge it waits on.</summary>
    internal static async Task<IResult> SignInReplyAsync(HttpContext context, IGrainFactory grains, AccessTokenIssuer tokens, SignInStep step)
    {
        if (step.Challenge is { } challenge)
        {
            return ApiResults.Success(
                context,
                new TwoFactorChallengeReply(TwoFactorRequired: true, challenge.ChallengeToken, challenge.Methods, challenge.ExpiresAt),
                message: "Enter the code from your authenticator app, an SMS code or a backup code.");
        }

        return ApiResults.Success(context, await StartSessionAsync(grains, tokens, step.Profile!));
    }

    private static async Task<IResult> RefreshAsync(RefreshRequest request, HttpContext context, IGrainFactory grains, AccessTokenIssuer tokens)
    {
        if (!RefreshToken.TryParse(request.RefreshToken, out var familyId))
        {
            return ApiResults.Failure(context, StatusCodes.Status401Unauthorized, InvalidRefreshToken);
        }

        var rotation = await grains.GetGrain<IRefreshSessionGrain>(familyId).Rotate(request.RefreshToken!);
        if (rotation.Status != RefreshRotationStatus.Rotated)
        {
            return ApiResults.Failure(context, StatusCodes.Status401Unauthorized, InvalidRefreshToken);
        }

        // The account as it is now: a new platform role, nickname or active organisation shows in the new token.
        var account = await grains.GetGrain<IAccountGrain>(rotation.Account!.Email).GetProfile() ?? rotation.Account;
        var access = tokens.Issue(account);
        return ApiResults.Success(context, new AuthSession(account, access.Token, access.ExpiresAt, rotation.NewToken!));
    }

    private static async Task<IResult> LogoutAsync(RefreshRequest request, HttpContext context, IGrainFactory grains)
    {
        if (RefreshToken.TryParse(request.RefreshToken, out var familyId))
        {
            await grains.GetGrain<IRefreshSessionGrain>(familyId).Revoke();
        }

        return ApiResults.Success(context, new SignOutResult(SignedOut: true), message: "Signed out.");
    }

    private static async Task<IResult> GuestAsync(
        GuestRequest request, HttpContext context, VenueDirectory venues, AccessTokenIssuer tokens, CancellationToken cancellationToken)
    {
        if (request.Check() is { Count: > 0 } problems)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        if (await venues.FindBySlugAsync(request.VenueId, cancellationToken) is not { } venue)
        {
            return ApiResults.Failure(context, StatusCodes.Status404NotFound, VenueErrors.NotFound());
        }

        // The same device with its key at the same venue is the same guest, so a renewed session keeps its requests.
        var deviceKey = request.DeviceKey ?? DeviceKeys.New();
        var guestId = DeviceKeys.GuestIdOf(venue.Id, request.DeviceId!, deviceKey);
        var access = tokens.IssueGuest(guestId, venue.Id);
        return ApiResults.Success(context, new GuestSession(guestId, venue.Slug, access.Token, access.ExpiresAt, deviceKey));
    }

    private static async Task<IResult> MeAsync(ClaimsPrincipal user, HttpContext context, IGrainFactory grains)
    {
        if (user.FindFirstValue(SingrClaims.Role) == SingrClaims.GuestRole)
        {
            return ApiResults.Success(context, new GuestIdentity(user.FindFirstValue(SingrClaims.Subject)!, SingrClaims.GuestRole));
        }

        var email = user.FindFirstValue(SingrClaims.Email);
        var profile = email is null ? null : await grains.GetGrain<IAccountGrain>(email).GetProfile();
        return profile is null || profile.UserId.ToString("D") != user.FindFirstValue(SingrClaims.Subject)
            ? ApiResults.Failure(context, StatusCodes.Status401Unauthorized, ApiErrors.ForStatus(StatusCodes.Status401Unauthorized))
            : ApiResults.Success(context, profile);
    }

    internal static async Task<AuthSession> StartSessionAsync(IGrainFactory grains, AccessTokenIssuer tokens, AccountProfile profile)
    {
        var refreshToken = await grains.GetGrain<IRefreshSessionGrain>(Guid.NewGuid()).Start(profile);
        var access = tokens.Issue(profile);
        return new AuthSession(profile, access.Token, access.ExpiresAt, refreshToken);
    }
}
