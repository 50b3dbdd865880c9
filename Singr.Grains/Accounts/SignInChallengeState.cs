namespace Singr.Grains.Accounts;

/// <summary>A sign-in waiting for its second factor: the challenge token's hash, an SMS code if one was asked for, the wrong tries.</summary>
public sealed class SignInChallengeState
{
    public string Hash { get; set; } = string.Empty;

    public DateTimeOffset ExpiresAt { get; set; }

    public string? SmsCodeHash { get; set; }

    public DateTimeOffset? SmsCodeExpiresAt { get; set; }

    public int FailedAttempts { get; set; }
}
