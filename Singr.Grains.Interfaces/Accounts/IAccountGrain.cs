using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Calls;

namespace Singr.Grains.Interfaces.Accounts;

/// <summary>
/// One sign-in identity, keyed by its normalised email (<see cref="AccountEmail.Normalize"/>): the grain's identity is
/// what makes an email unique, and its turns make register and sign-in race-free.
/// </summary>
[Alias("singr.accounts.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task<RegistrationResult> Register(RegisterAccount command);

    /// <returns>
    /// The profile when the password matches, or a two-factor challenge when the account has two-factor sign-in on;
    /// null when the password does not match or no account exists.
    /// </returns>
    [Alias("SignIn")]
    Task<SignInStep?> SignIn(string password);

    [Idempotent]
    [Alias("GetProfile")]
    Task<AccountProfile?> GetProfile();

    /// <summary>Makes <paramref name="customerId"/> the organisation this user acts for; refused unless they are a member.</summary>
    [Alias("ChooseActiveCustomer")]
    Task<Outcome<AccountProfile>> ChooseActiveCustomer(Guid customerId);

    /// <summary>Creates or renames the user's singer profile, which gives them the <c>singer</c> role.</summary>
    [Alias("SetNickname")]
    Task<Outcome<AccountProfile>> SetNickname(string nickname);

    /// <summary>The key change the singer last used for this song (at any venue), or null.</summary>
    [Idempotent]
    [Alias("GetKeyChange")]
    Task<int?> GetKeyChange(string songKey);

    /// <summary>Remembers the key change the singer used for a song, offered as their default next time.</summary>
    [Idempotent]
    [Alias("RememberKeyChange")]
    Task RememberKeyChange(string songKey, int keyChange);

    /// <summary>Grants (or with null withdraws) a platform role.</summary>
    [Alias("SetPlatformRole")]
    Task<Outcome<AccountProfile>> SetPlatformRole(string? role, AuditStamp stamp);

    /// <summary>
    /// Records that a developer starts acting as this user and returns the profile to put in the token; refused for
    /// platform users, whom nobody may impersonate.
    /// </summary>
    [Alias("BeginImpersonation")]
    Task<Outcome<AccountProfile>> BeginImpersonation(AuditStamp stamp);

    /// <summary>Sends a new email verification link (24 h), replacing any earlier one; refused once the email is verified.</summary>
    [Alias("SendEmailVerification")]
    Task<Outcome<CodeSent>> SendEmailVerification();

    /// <summary>Marks the email verified with the token of its verification link; the token works once.</summary>
    [Alias("VerifyEmail")]
    Task<Outcome<AccountProfile>> VerifyEmail(string token);

    /// <summary>Emails a password reset link (1 h), replacing any earlier one; does nothing when no account exists.</summary>
    [Alias("RequestPasswordReset")]
    Task RequestPasswordReset();

    /// <summary>
    /// Sets a new password with the token of a reset link (once) and ends every session started before it: their
    /// refresh tokens no longer rotate.
    /// </summary>
    [Alias("ResetPassword")]
    Task<Outcome<AccountProfile>> ResetPassword(string token, string newPassword);

    /// <summary>Emails a sign-in link (15 min), replacing any earlier one; does nothing when no account exists.</summary>
    [Alias("RequestMagicLink")]
    Task RequestMagicLink(string? clientAddress);

    /// <summary>Signs in with the token of a magic link (once): the profile, or a challenge when two-factor sign-in is on.</summary>
    [Alias("SignInWithMagicLink")]
    Task<Outcome<SignInStep>> SignInWithMagicLink(string token);

    /// <summary>Sessions (refresh families) started before this moment are over; null when none was ever ended.</summary>
    [Idempotent]
    [Alias("GetSessionsValidFrom")]
    Task<DateTimeOffset?> GetSessionsValidFrom();

    /// <summary>Texts a 6-digit code (5 min) for a sign-in challenge to the account's verified phone.</summary>
    [Alias("SendTwoFactorSms")]
    Task<Outcome<CodeSent>> SendTwoFactorSms(string challengeToken);

    /// <summary>Completes a challenged sign-in with an authenticator, SMS or backup code; the challenge works once.</summary>
    [Alias("CompleteTwoFactor")]
    Task<Outcome<AccountProfile>> CompleteTwoFactor(string challengeToken, string code);

    [Idempotent]
    [Alias("GetTwoFactorStatus")]
    Task<Outcome<TwoFactorStatus>> GetTwoFactorStatus();

    /// <summary>Hands out a new authenticator secret, pending until <see cref="ConfirmTotp"/> sees one of its codes.</summary>
    [Alias("StartTotp")]
    Task<Outcome<TotpSetup>> StartTotp();

    /// <summary>Turns authenticator sign-in on with a current code of the pending secret, with 10 new backup codes.</summary>
    [Alias("ConfirmTotp")]
    Task<Outcome<TwoFactorEnabled>> ConfirmTotp(string code);

    /// <summary>Turns SMS sign-in codes on (the phone must be verified), with 10 new backup codes.</summary>
    [Alias("EnableSmsTwoFactor")]
    Task<Outcome<TwoFactorEnabled>> EnableSmsTwoFactor();

    /// <summary>Turns every second factor off, given a current authenticator code or a backup code.</summary>
    [Alias("DisableTwoFactor")]
    Task<Outcome<TwoFactorStatus>> DisableTwoFactor(string code);

    /// <summary>Texts a 6-digit code (5 min) to <paramref name="phone"/> (E.164), which becomes the account's phone once the code comes back.</summary>
    [Alias("StartPhoneVerification")]
    Task<Outcome<CodeSent>> StartPhoneVerification(string phone);

    [Alias("VerifyPhone")]
    Task<Outcome<TwoFactorStatus>> VerifyPhone(string code);
}
