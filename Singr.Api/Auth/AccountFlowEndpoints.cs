using Singr.Api.Admin;
using Singr.Api.Audit;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Accounts;
using Orleans;

namespace Singr.Api.Auth;

/// <summary>
/// <c>/v1/auth</c> flows that arrive by email or SMS: email verification, password reset, magic-link sign-in, and the
/// second factor of a challenged sign-in. Requests for a link answer alike for known and unknown emails; every token
/// is single use and checked by the account's grain.
/// </summary>
public static class AccountFlowEndpoints
{
    private const string LinkOnItsWay = "If an account uses this email, a link is on its way to it.";

    public static IEndpointRouteBuilder MapAccountFlowEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/v1/auth").WithTags("Auth");
        auth.MapPost("/email/verify", VerifyEmailAsync)
            .WithSummary("Verify an account's email with the token of its verification link (24 h, once)")
            .ProducesEnvelope<VerifiedEmail>()
            .ProducesErrors(StatusCodes.Status400BadRequest)
            .RequireRateLimiting(RateLimitPolicies.CustomerApi);
        auth.MapPost("/password/forgot", ForgotPasswordAsync)
            .WithSummary("Email a password reset link (1 h)")
            .WithDescription("Answers 202 with the same body whether or not an account uses the email.")
            .ProducesEnvelope<RequestAccepted>(StatusCodes.Status202Accepted)
            .ProducesErrors(StatusCodes.Status400BadRequest)
            .RequireRateLimiting(RateLimitPolicies.AuthPasswordReset);
        auth.MapPost("/password/reset", ResetPasswordAsync)
            .WithSummary("Choose a new password with a reset link's token (once)")
            .WithDescription("Ends every session started before the reset: their refresh tokens no longer rotate. Sign in again afterwards.")
            .ProducesEnvelope<PasswordResetDone>()
            .ProducesErrors(StatusCodes.Status400BadRequest)
            .RequireRateLimiting(RateLimitPolicies.AuthPasswordReset);
        auth.MapPost("/magic-link", RequestMagicLinkAsync)
            .WithSummary("Email a sign-in link (15 min)")
            .WithDescription("Answers 202 with the same body whether or not an account uses the email.")
            .ProducesEnvelope<RequestAccepted>(StatusCodes.Status202Accepted)
            .ProducesErrors(StatusCodes.Status400BadRequest)
            .RequireRateLimiting(RateLimitPolicies.AuthMagicLink);
        auth.MapPost("/magic-link/verify", SignInWithMagicLinkAsync)
            .WithSummary("Sign in with a magic link's token (once)")
            .WithDescription("When the account has two-factor sign-in on, data is a TwoFactorChallengeReply instead of a session.")
            .ProducesEnvelope<AuthSession>()
            .ProducesErrors(StatusCodes.Status400BadRequest)
            .RequireRateLimiting(RateLimitPolicies.AuthSignIn);
        auth.MapPost("/2fa/sms", SendSignInSmsAsync)
            .WithSummary("Text a sign-in code (6 digits, 5 min) for a two-factor challenge")
            .ProducesEnvelope<CodeSent>(StatusCodes.Status202Accepted)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict)
            .RequireRateLimiting(RateLimitPolicies.AuthTwoFactorRequest);
        auth.MapPost("/2fa/verify", CompleteTwoFactorAsync)
            .WithSummary("Complete a two-factor challenge with an authenticator, SMS or backup code")
            .WithDescription("A challenge works once and for 5 minutes; five wrong codes end it.")
            .ProducesEnvelope<AuthSession>()
            .ProducesErrors(StatusCodes.Status400BadRequest)
            .RequireRateLimiting(RateLimitPolicies.AuthTwoFactorVerify);
        return endpoints;
    }

    private static async Task<IResult> VerifyEmailAsync(
        TokenRequest request, HttpContext context, IGrainFactory grains, UserDirectory users, CancellationToken cancellationToken)
    {
        var account = await AccountTokens.AccountOfAsync(grains, users, request.Token, cancellationToken);
        var outcome = account is null ? Outcome.Refused<AccountProfile>(DomainErrors.TokenInvalid) : await account.VerifyEmail(request.Token!);
        return outcome.Error is { } error
            ? DomainRefusals.ToResult(context, error)
            : ApiResults.Success(context, new VerifiedEmail(outcome.Value!.Email, outcome.Value.EmailVerified), message: "Email verified.");
    }

    private static async Task<IResult> ForgotPasswordAsync(EmailRequest request, HttpContext context, IGrainFactory grains)
    {
        if (!CredentialRules.IsEmail(request.Email))
        {
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail("email", "A valid email address is required.")]);
        }

        await grains.GetGrain<IAccountGrain>(AccountEmail.Normalize(request.Email!)).RequestPasswordReset();
        return ApiResults.Success(context, new RequestAccepted(Accepted: true), StatusCodes.Status202Accepted, LinkOnItsWay);
    }

    private static async Task<IResult> ResetPasswordAsync(
        PasswordResetRequest request, HttpContext context, IGrainFactory grains, UserDirectory users, CancellationToken cancellationToken)
    {
        if (CredentialRules.CheckPassword(request.Password) is { Count: > 0 } problems)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        var account = await AccountTokens.AccountOfAsync(grains, users, request.Token, cancellationToken);
        var outcome = account is null ? Outcome.Refused<AccountProfile>(DomainErrors.TokenInvalid) : await account.ResetPassword(request.Token!, request.Password!);
        return outcome.Error is { } error
            ? DomainRefusals.ToResult(context, error)
            : ApiResults.Success(context, new PasswordResetDone(PasswordChanged: true, SessionsEnded: true), message: "Password changed. Sign in with the new password.");
    }

    private static async Task<IResult> RequestMagicLinkAsync(EmailRequest request, HttpContext context, IGrainFactory grains)
    {
        if (!CredentialRules.IsEmail(request.Email))
        {
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail("email", "A valid email address is required.")]);
        }

        await grains.GetGrain<IAccountGrain>(AccountEmail.Normalize(request.Email!)).RequestMagicLink(RateLimitPartitionKeys.ClientAddress(context));
        return ApiResults.Success(context, new RequestAccepted(Accepted: true), StatusCodes.Status202Accepted, LinkOnItsWay);
    }

    private static async Task<IResult> SignInWithMagicLinkAsync(
        TokenRequest request, HttpContext context, IGrainFactory grains, UserDirectory users, AccessTokenIssuer tokens, CancellationToken cancellationToken)
    {
        var account = await AccountTokens.AccountOfAsync(grains, users, request.Token, cancellationToken);
        var outcome = account is null ? Outcome.Refused<SignInStep>(DomainErrors.TokenInvalid) : await account.SignInWithMagicLink(request.Token!);
        return outcome.Error is { } error ? DomainRefusals.ToResult(context, error) : await AuthEndpoints.SignInReplyAsync(context, grains, tokens, outcome.Value!);
    }

    private static async Task<IResult> SendSignInSmsAsync(
        ChallengeRequest request, HttpContext context, IGrainFactory grains, UserDirectory users, CancellationToken cancellationToken)
    {
        var account = await AccountTokens.AccountOfAsync(grains, users, request.ChallengeToken, cancellationToken);
        var outcome = account is null ? Outcome.Refused<CodeSent>(DomainErrors.TokenInvalid) : await account.SendTwoFactorSms(request.ChallengeToken!);
        return DomainRefusals.Result(context, outcome, StatusCodes.Status202Accepted, "A code is on its way to your phone.");
    }

    private static async Task<IResult> CompleteTwoFactorAsync(
        ChallengeCodeRequest request,
        HttpContext context,
        IGrainFactory grains,
        UserDirectory users,
        AccessTokenIssuer tokens,
        SecurityAudit audit,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Code) || request.Code.Length > 32)
        {
            return ApiResults.ValidationFailed(context, [new ApiErrorDetail("code", "A code is required.")]);
        }

        var account = await AccountTokens.AccountOfAsync(grains, users, request.ChallengeToken, cancellationToken);
        var outcome = account is null ? Outcome.Refused<AccountProfile>(DomainErrors.TokenInvalid) : await account.CompleteTwoFactor(request.ChallengeToken!, request.Code.Trim());
        if (outcome.Error is { } error)
        {
            if (error == DomainErrors.CodeInvalid && AccountToken.TryParse(request.ChallengeToken, out var userId))
            {
                audit.Record(context, SecurityAudit.SignInFailed, "account", userId.ToString("D"), new { reason = "wrong second factor" }, actorId: userId);
            }

            return DomainRefusals.ToResult(context, error);
        }

        return ApiResults.Success(context, await AuthEndpoints.StartSessionAsync(grains, tokens, outcome.Value!));
    }
}
