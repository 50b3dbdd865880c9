using Microsoft.AspNetCore.Identity;
using Singr.Grains.Interfaces.Accounts;
using Singr.Silo.Grains;

namespace Singr.Grains.Accounts;

[GrainType("account")]
public sealed class AccountGrain(TimeProvider timeProvider) : Grain<AccountState>, IAccountGrain
{
    private static readonly PasswordHasher<AccountState> Hasher = new();

    /// <summary>Verified against when no account exists, so an unknown email costs as long as a wrong password.</summary>
    private static readonly string DecoyHash = Hasher.HashPassword(new AccountState(), "decoy-password-for-timing");

    private bool Exists => State.UserId != Guid.Empty;

    public async Task<RegistrationResult> Register(RegisterAccount command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Exists)
        {
            return new RegistrationResult(EmailTaken: true, Profile: null);
        }

        State = new AccountState
        {
            UserId = Guid.NewGuid(),
            Email = GetPrimaryKeyString(),
            Name = command.Name.Trim(),
            CreatedAt = timeProvider.GetUtcNow(),
        };
        State.PasswordHash = Hasher.HashPassword(State, command.Password);
        await WriteStateAsync();
        return new RegistrationResult(EmailTaken: false, Profile());
    }

    public async Task<AccountProfile?> SignIn(string password)
    {
        var verdict = Hasher.VerifyHashedPassword(State, Exists ? State.PasswordHash : DecoyHash, password ?? string.Empty);
        if (!Exists || verdict == PasswordVerificationResult.Failed)
        {
            return null;
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            State.PasswordHash = Hasher.HashPassword(State, password!);
            await WriteStateAsync();
        }

        return Profile();
    }

    public Task<AccountProfile?> GetProfile() => Task.FromResult(Exists ? Profile() : null);

    private AccountProfile Profile() => new(State.UserId, State.Email, State.Name, State.CreatedAt);
}
