namespace Singr.Api.Auth;

/// <param name="Code">An authenticator code, the SMS code sent for this challenge, or a backup code.</param>
public sealed record ChallengeCodeRequest(string? ChallengeToken, string? Code);
