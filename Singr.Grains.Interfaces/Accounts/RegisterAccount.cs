namespace Singr.Grains.Interfaces.Accounts;

/// <param name="Email">As typed; the grain's key is its normalised form.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.accounts.RegisterAccount")]
public sealed record RegisterAccount([property: Id(0)] string Email, [property: Id(1)] string Name, [property: Id(2)] string Password);
