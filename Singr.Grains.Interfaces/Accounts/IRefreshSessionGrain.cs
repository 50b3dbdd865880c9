namespace Singr.Grains.Interfaces.Accounts;

/// <summary>
/// One family of refresh tokens (a signed-in device), keyed by the family id. Each refresh replaces the token; a token
/// presented a second time means it leaked, so the whole family is revoked.
/// </summary>
[Alias("singr.accounts.IRefreshSessionGrain")]
public interface IRefreshSessionGrain : IGrainWithGuidKey
{
    /// <returns>The first refresh token of the family.</returns>
    [Alias("Start")]
    Task<string> Start(AccountProfile account);

    [Alias("Rotate")]
    Task<RefreshRotation> Rotate(string presentedToken);

    [Alias("Revoke")]
    Task Revoke();
}
