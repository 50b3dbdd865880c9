namespace Singr.Grains.Interfaces.Accounts;

/// <param name="NewToken">The replacement refresh token when <paramref name="Status"/> is Rotated.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.accounts.RefreshRotation")]
public sealed record RefreshRotation(
    [property: Id(0)] RefreshRotationStatus Status,
    [property: Id(1)] string? NewToken,
    [property: Id(2)] AccountProfile? Account);
