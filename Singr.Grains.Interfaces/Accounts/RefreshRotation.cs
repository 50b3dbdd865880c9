namespace Singr.Grains.Interfaces.Accounts;

/// <param name="NewToken">The replacement refresh token when <paramref name="Status"/> is Rotated.</param>
public sealed record RefreshRotation(RefreshRotationStatus Status, string? NewToken, AccountProfile? Account);
