namespace Singr.Grains.Interfaces.Accounts;

/// <param name="Email">As typed; the grain's key is its normalised form.</param>
public sealed record RegisterAccount(string Email, string Name, string Password);
