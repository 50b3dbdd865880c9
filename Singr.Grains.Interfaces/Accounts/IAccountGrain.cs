using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Calls;

namespace Singr.Grains.Interfaces.Accounts;

/// <summary>
/// One sign-in identity, keyed by its normalised email (<see cref="AccountEmail.Normalize"/>): the grain's identity is
/// what makes an email unique, and its turns make register and sign-in race-free.
/// </summary>
[Alias("singr.accounts.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task<RegistrationResult> Register(RegisterAccount command);

    /// <returns>The profile when the password matches; null when it does not or no account exists.</returns>
    [Alias("SignIn")]
    Task<AccountProfile?> SignIn(string password);

    [Idempotent]
    [Alias("GetProfile")]
    Task<AccountProfile?> GetProfile();

    /// <summary>Makes <paramref name="customerId"/> the organisation this user acts for; refused unless they are a member.</summary>
    [Alias("ChooseActiveCustomer")]
    Task<Outcome<AccountProfile>> ChooseActiveCustomer(Guid customerId);

    /// <summary>Creates or renames the user's singer profile, which gives them the <c>singer</c> role.</summary>
    [Alias("SetNickname")]
    Task<Outcome<AccountProfile>> SetNickname(string nickname);

    /// <summary>The key change the singer last used for this song (at any venue), or null.</summary>
    [Idempotent]
    [Alias("GetKeyChange")]
    Task<int?> GetKeyChange(string songKey);

    /// <summary>Remembers the key change the singer used for a song, offered as their default next time.</summary>
    [Idempotent]
    [Alias("RememberKeyChange")]
    Task RememberKeyChange(string songKey, int keyChange);

    /// <summary>Grants (or with null withdraws) a platform role.</summary>
    [Alias("SetPlatformRole")]
    Task<Outcome<AccountProfile>> SetPlatformRole(string? role, AuditStamp stamp);

    /// <summary>
    /// Records that a developer starts acting as this user and returns the profile to put in the token; refused for
    /// platform users, whom nobody may impersonate.
    /// </summary>
    [Alias("BeginImpersonation")]
    Task<Outcome<AccountProfile>> BeginImpersonation(AuditStamp stamp);
}
