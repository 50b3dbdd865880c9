namespace Singr.Grains.Interfaces.Accounts;

/// <summary>A token or code is on its way (an outbox row committed with the change) and works until <paramref name="ExpiresAt"/>.</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.accounts.CodeSent")]
public sealed record CodeSent([property: Id(0)] DateTimeOffset ExpiresAt);
