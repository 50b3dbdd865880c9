namespace Singr.Grains.Interfaces.Accounts;

/// <summary>
/// The password (or magic link) was right and the account has two-factor sign-in on: the sign-in completes when
/// <paramref name="ChallengeToken"/> comes back with a code, once, before <paramref name="ExpiresAt"/>.
/// </summary>
/// <param name="Methods">What the account can answer with: totp, sms, backup (<see cref="TwoFactorMethods"/>).</param>
[GenerateSerializer]
[Alias("singr.accounts.TwoFactorChallenge")]
public sealed record TwoFactorChallenge(
    [property: Id(0)] string ChallengeToken,
    [property: Id(1)] IReadOnlyList<string> Methods,
    [property: Id(2)] DateTimeOffset ExpiresAt);
