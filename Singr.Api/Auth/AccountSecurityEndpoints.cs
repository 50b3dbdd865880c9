using Singr.Api.Access;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Accounts;
using Orleans;

namespace Singr.Api.Auth;

/// <summary>
/// <c>/v1/users/me</c>: what a signed-in account does to its own security: resend the email verification, verify a
/// phone by SMS, turn two-factor sign-in (authenticator, SMS) on and off. Not under impersonation.
/// </summary>
public static class AccountSecurityEndpoints
{
    public static IEndpointRouteBuilder MapAccountSecurityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/v1/users/me").WithTags("Account security");
        me.MapPost("/email/verification", SendEmailVerificationAsync)
            .WithSummary("Email a new verification link (24 h), replacing the last one")
            .ProducesEnvelope<CodeSent>(StatusCodes.Status202Accepted)
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict)
            .RequireAccount()
            .RequireRateLimiting(RateLimitPolicies.AuthTwoFactorRequest);
        me.MapGet("/2fa", StatusAsync)
            .WithSummary("Which second factors are on, the verified phone, and how many backup codes are left")
            .ProducesEnvelope<TwoFactorStatus>()
            .ProducesErrors(StatusCodes.Status403Forbidden)
            .RequireAccount()
            .RequireRateLimiting(RateLimitPolicies.CustomerApi);
        me.MapPost("/2fa/totp", StartTotpAsync)
            .WithSummary("Start authenticator set-up: a secret and its otpauth:// URI, pending until confirmed")
            .ProducesEnvelope<TotpSetup>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict)
            .RequireAccount()
            .RequireRateLimiting(RateLimitPolicies.CustomerApi);
        me.MapPost("/2fa/totp/confirm", ConfirmTotpAsync)
            .WithSummary("Turn authenticator sign-in on with a current code; returns 10 backup codes, shown once")
            .ProducesEnvelope<TwoFactorEnabled>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict)
            .RequireAccount()
            .RequireRateLimiting(RateLimitPolicies.AuthTwoFactorVerify);
        me.MapPost("/2fa/sms", EnableSmsAsync)
            .WithSummary("Turn SMS sign-in codes on (needs a verified phone); backup codes come with it when the account has none")
            .ProducesEnvelope<TwoFactorEnabled>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict)
            .RequireAccount()
            .RequireRateLimiting(RateLimitPolicies.CustomerApi);
        me.MapDelete("/2fa", DisableAsync)
            .WithSummary("Turn two-factor sign-in off with a current authenticator code or a backup code")
            .ProducesEnvelope<TwoFactorStatus>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict)
            .RequireAccount()
            .RequireRateLimiting(RateLimitPolicies.AuthTwoFactorVerify);
        me.MapPost("/phone", StartPhoneVerificationAsync)
            .WithSummary("Text a 6-digit code (5 min) to a phone number, which becomes the account's once the code comes back")
            .ProducesEnvelope<CodeSent>(StatusCodes.Status202Accepted)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden)
            .RequireAccount()
            .RequireRateLimiting(RateLimitPolicies.AuthTwoFactorRequest);
        me.MapPost("/phone/verify", VerifyPhoneAsync)
            .WithSummary("Verify the phone with the texted code")
            .ProducesEnvelope<TwoFactorStatus>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden)
            .RequireAccount()
            .RequireRateLimiting(RateLimitPolicies.AuthTwoFactorVerify);
        return endpoints;
    }

    private static Task<IResult> SendEmailVerificationAsync(HttpContext context, IGrainFactory grains) =>
        AsAccount(context, grains, async account => DomainRefusals.Result(
            context, await account.SendEmailVerification(), StatusCodes.Status202Accepted, "A verification link is on its way to your email."));

    private static Task<IResult> StatusAsync(HttpContext context, IGrainFactory grains) =>
        AsAccount(context, grains, async account => DomainRefusals.Result(context, await account.GetTwoFactorStatus()));

    private static Task<IResult> StartTotpAsync(HttpContext context, IGrainFactory grains) =>
        AsAccount(context, grains, async account => DomainRefusals.Result(
            context, await account.StartTotp(), message: "Add the secret to your authenticator app, then confirm with a code from it."));

    private static Task<IResult> ConfirmTotpAsync(CodeRequest request, HttpContext context, IGrainFactory grains) =>
        WithCode(context, request.Code, code => AsAccount(context, grains, async account => DomainRefusals.Result(
            context, await account.ConfirmTotp(code), message: "Two-factor sign-in is on. Keep the backup codes somewhere safe: they are shown only now.")));

    private static Task<IResult> EnableSmsAsync(HttpContext context, IGrainFactory grains) =>
        AsAccount(context, grains, async account => DomainRefusals.Result(context, await account.EnableSmsTwoFactor(), message: "Sign-in codes by SMS are on."));

    private static Task<IResult> DisableAsync([Microsoft.AspNetCore.Mvc.FromBody] CodeRequest request, HttpContext context, IGrainFactory grains) =>
        WithCode(context, request.Code, code => AsAccount(context, grains, async account => DomainRefusals.Result(
            context, await account.DisableTwoFactor(code), message: "Two-factor sign-in is off.")));

    private static Task<IResult> StartPhoneVerificationAsync(PhoneRequest request, HttpContext context, IGrainFactory grains)
    {
        if (PhoneNumbers.Normalize(request.Phone) is not { } phone)
        {
            return Task.FromResult(ApiResults.ValidationFailed(context, [new ApiErrorDetail("phone", "A phone number in international form (+ and 8 to 15 digits) is required.")]));
        }

        return AsAccount(context, grains, async account => DomainRefusals.Result(
            context, await account.StartPhoneVerification(phone), StatusCodes.Status202Accepted, "A code is on its way to that phone."));
    }

    private static Task<IResult> VerifyPhoneAsync(CodeRequest request, HttpContext context, IGrainFactory grains) =>
        WithCode(context, request.Code, code => AsAccount(context, grains, async account => DomainRefusals.Result(
            context, await account.VerifyPhone(code), message: "Phone verified.")));

    private static Task<IResult> WithCode(HttpContext context, string? code, Func<string, Task<IResult>> next) =>
        string.IsNullOrWhiteSpace(code) || code.Length > 32
            ? Task.FromResult(ApiResults.ValidationFailed(context, [new ApiErrorDetail("code", "A code is required.")]))
            : next(code.Trim());

    /// <summary>The caller's own account grain; a developer acting as the user may not change how they sign in.</summary>
    private static async Task<IResult> AsAccount(HttpContext context, IGrainFactory grains, Func<IAccountGrain, Task<IResult>> call)
    {
        var caller = context.RequireCaller();
        if (caller.IsImpersonated)
        {
            return ApiResults.Failure(context, StatusCodes.Status403Forbidden, AccessErrors.NotUnderImpersonation());
        }

        return await call(grains.GetGrain<IAccountGrain>(caller.Email!));
    }
}
