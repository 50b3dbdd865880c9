namespace Singr.Api.Auth;

/// <summary>
/// What sign-in answers instead of a session when the account has two-factor sign-in on: send
/// <paramref name="ChallengeToken"/> with a code to <c>/v1/auth/2fa/verify</c> (or first to <c>/v1/auth/2fa/sms</c> for a
/// texted code) before <paramref name="ExpiresAt"/>.
/// </summary>
/// <param name="Methods">totp, sms and/or backup.</param>
public sealed record TwoFactorChallengeReply(bool TwoFactorRequired, string ChallengeToken, IReadOnlyList<string> Methods, DateTimeOffset ExpiresAt);
