namespace Singr.Grains.Interfaces.Accounts;

/// <param name="Profile">The new account's profile; null when the email was taken.</param>
public sealed record RegistrationResult(bool EmailTaken, AccountProfile? Profile);
