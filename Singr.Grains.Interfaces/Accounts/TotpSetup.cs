namespace Singr.Grains.Interfaces.Accounts;

/// <summary>An authenticator secret waiting for its first code: <paramref name="Secret"/> (base32) for typing in, <paramref name="OtpAuthUri"/> for a QR code.</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.accounts.TotpSetup")]
public sealed record TotpSetup([property: Id(0)] string Secret, [property: Id(1)] string OtpAuthUri);
