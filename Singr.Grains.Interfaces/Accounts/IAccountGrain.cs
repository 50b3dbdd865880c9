using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Runtime;

namespace Singr.Grains.Interfaces.Accounts;

/// <summary>
/// One sign-in identity, keyed by its normalised email (<see cref="AccountEmail.Normalize"/>): the grain's identity is
/// what makes an email unique, and its turns make register and sign-in race-free.
/// </summary>
public interface IAccountGrain : IGrainWithStringKey
{
    Task<RegistrationResult> Register(RegisterAccount command);

    /// <returns>The profile when the password matches; null when it does not or no account exists.</returns>
    Task<AccountProfile?> SignIn(string password);

    Task<AccountProfile?> GetProfile();

    /// <summary>Makes <paramref name="customerId"/> the organisation this user acts for; refused unless they are a member.</summary>
    Task<Outcome<AccountProfile>> ChooseActiveCustomer(Guid customerId);

    /// <summary>Creates or renames the user's singer profile, which gives them the <c>singer</c> role.</summary>
    Task<Outcome<AccountProfile>> SetNickname(string nickname);

    /// <summary>The key change the singer last used for this song (at any venue), or null.</summary>
    Task<int?> GetKeyChange(string songKey);

    /// <summary>Remembers the key change the singer used for a song, offered as their default next time.</summary>
    Task RememberKeyChange(string songKey, int keyChange);

    /// <summary>Grants (or with null withdraws) a platform role.</summary>
    Task<Outcome<AccountProfile>> SetPlatformRole(string? role, AuditStamp stamp);

    /// <summary>
    /// Records that a developer starts acting as this user and returns the profile to put in the token; refused for
    /// platform users, whom nobody may impersonate.
    /// </summary>
    Task<Outcome<AccountProfile>> BeginImpersonation(AuditStamp stamp);
}
