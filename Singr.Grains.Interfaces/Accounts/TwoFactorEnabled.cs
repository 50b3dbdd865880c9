namespace Singr.Grains.Interfaces.Accounts;

/// <summary>Two-factor sign-in was turned on: the new backup codes, shown this once (only their hashes are kept).</summary>
[GenerateSerializer]
[Alias("singr.accounts.TwoFactorEnabled")]
public sealed record TwoFactorEnabled([property: Id(0)] TwoFactorStatus Status, [property: Id(1)] IReadOnlyList<string> BackupCodes);
