using Singr.Grains.Interfaces.Runtime;

namespace Singr.Grains.Interfaces.Accounts;

/// <summary>
/// One family of refresh tokens (a signed-in device), keyed by the family id. Each refresh replaces the token; a token
/// presented a second time means it leaked, so the whole family is revoked.
/// </summary>
public interface IRefreshSessionGrain : IGrainWithGuidKey
{
    /// <returns>The first refresh token of the family.</returns>
    Task<string> Start(AccountProfile account);

    Task<RefreshRotation> Rotate(string presentedToken);

    Task Revoke();
}
