namespace Singr.Grains.Interfaces.Accounts;

/// <param name="Phone">The verified phone SMS go to, or null.</param>
/// <param name="TotpPending">An authenticator secret was handed out and waits for its first code.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.accounts.TwoFactorStatus")]
public sealed record TwoFactorStatus(
    [property: Id(0)] bool TotpEnabled,
    [property: Id(1)] bool SmsEnabled,
    [property: Id(2)] string? Phone,
    [property: Id(3)] int BackupCodesLeft,
    [property: Id(4)] bool TotpPending,
    [property: Id(5)] bool EmailVerified);
