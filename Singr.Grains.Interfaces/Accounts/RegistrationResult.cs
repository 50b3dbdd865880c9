namespace Singr.Grains.Interfaces.Accounts;

/// <param name="Profile">The new account's profile; null when the email was taken.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.accounts.RegistrationResult")]
public sealed record RegistrationResult([property: Id(0)] bool EmailTaken, [property: Id(1)] AccountProfile? Profile);
