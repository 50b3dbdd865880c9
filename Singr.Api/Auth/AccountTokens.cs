using Singr.Api.Admin;
using Singr.Grains.Interfaces.Accounts;
using Orleans;

namespace Singr.Api.Auth;

/// <summary>
/// Routes an account token (<c>{userId:N}.{secret}</c>) to its account's grain: the user id's email from the
/// <c>users</c> row, no scan. Only the grain can tell whether the secret is good.
/// </summary>
public static class AccountTokens
{
    /// <returns>The account the token names, or null when it names none (the caller answers as for a bad token).</returns>
    public static async Task<IAccountGrain?> AccountOfAsync(IGrainFactory grains, UserDirectory users, string? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(users);
        return AccountToken.TryParse(token, out var userId) && await users.EmailOfAsync(userId, cancellationToken) is { } email
            ? grains.GetGrain<IAccountGrain>(email)
            : null;
    }
}
