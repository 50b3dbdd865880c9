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
}
