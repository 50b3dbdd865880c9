namespace Singr.Grains.Interfaces.Accounts;

/// <summary>Where a sign-in stands: done (<paramref name="Profile"/>), or waiting for a second factor (<paramref name="Challenge"/>).</summary>
[GenerateSerializer]
[Alias("singr.accounts.SignInStep")]
public sealed record SignInStep([property: Id(0)] AccountProfile? Profile, [property: Id(1)] TwoFactorChallenge? Challenge);
