using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Singr.Grains.Interfaces.Accounts;
using Singr.Grains.Interfaces.Audit;

namespace Singr.Api.Tests;

/// <summary>Platform staff as an operator makes the first of them: the role set on the account's grain, as <c>--grant-platform-role</c> does.</summary>
internal static class PlatformStaff
{
    /// <summary>A new account with <paramref name="role"/>, signed in again so that its token carries the role.</summary>
    public static async Task<ApiUser> RegisterAsync(HttpClient client, IServiceProvider services, string role)
    {
        var user = await ApiUser.RegisterAsync(client, role);
        await SetRoleAsync(services, user, role);
        await user.SignInAgainAsync();
        return user;
    }

    /// <param name="role">Null takes the role away.</param>
    public static async Task SetRoleAsync(IServiceProvider services, ApiUser user, string? role)
    {
        ArgumentNullException.ThrowIfNull(user);
        var granted = await services.GetRequiredService<IGrainFactory>().GetGrain<IAccountGrain>(user.Email).SetPlatformRole(
            role, new AuditStamp(Guid.Empty, "operator", null, null, "operator", null, "test-bootstrap"));
        Assert.True(granted.Succeeded, granted.Error);
    }
}
