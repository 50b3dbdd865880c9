using Microsoft.AspNetCore.Identity;
using Singr.Grains.Audit;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Accounts;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Customers;
using Singr.Grains.Interfaces.Messaging;
using Singr.Grains.Messaging;
using Singr.Grains.Persistence;

namespace Singr.Grains.Accounts;

[GrainType("account")]
public sealed partial class AccountGrain([VersionedState("account")] IVersionedState<AccountState> state, TimeProvider timeProvider, ISmsCodeVerifier smsCodes) : Grain, IAccountGrain
{
    private AccountState State
    {
        get => state.State;
        set => state.State = value;
    }

    public const int MaxNicknameLength = 40;

    /// <summary>Songs whose key change is remembered per singer; the oldest are forgotten first.</summary>
    private const int RememberedKeyChanges = 500;

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
            Email = this.GetPrimaryKeyString(),
            Name = command.Name.Trim(),
            CreatedAt = timeProvider.GetUtcNow(),
        };
        State.PasswordHash = Hasher.HashPassword(State, command.Password);
        var verificationToken = IssueToken(EmailVerificationLifetime, out var verification);
        State.EmailVerification = verification;
        await state.WriteAsync(rows =>
        {
            ProjectUser(rows);
            rows.Add(Outbox.EmailToUser(State.UserId, MessageKinds.EmailVerification, new Dictionary<string, string>
            {
                [MessageValues.Name] = State.Name,
                [MessageValues.Token] = verificationToken,
            }));
            rows.Add(Outbox.EmailToUser(State.UserId, MessageKinds.Welcome, new Dictionary<string, string> { [MessageValues.Name] = State.Name }));
        });
        return new RegistrationResult(EmailTaken: false, Profile());
    }

    public async Task<SignInStep?> SignIn(string password)
    {
        var verdict = Hasher.VerifyHashedPassword(State, Exists ? State.PasswordHash : DecoyHash, password ?? string.Empty);
        if (!Exists || verdict == PasswordVerificationResult.Failed)
        {
            return null;
        }

        var rehashed = verdict == PasswordVerificationResult.SuccessRehashNeeded;
        if (rehashed)
        {
            State.PasswordHash = Hasher.HashPassword(State, password!);
        }

        if (TwoFactorOn)
        {
            var challenge = IssueChallenge();
            await state.WriteAsync();
            return new SignInStep(Profile: null, challenge);
        }

        if (rehashed)
        {
            await state.WriteAsync();
        }

        return new SignInStep(Profile(), Challenge: null);
    }

    public Task<AccountProfile?> GetProfile() => Task.FromResult(Exists ? Profile() : null);

    public async Task<Outcome<AccountProfile>> ChooseActiveCustomer(Guid customerId)
    {
        if (!Exists)
        {
            return Outcome.Refused<AccountProfile>(DomainErrors.AccountNotFound);
        }

        if (await GrainFactory.GetGrain<ICustomerGrain>(customerId).GetMember(State.UserId) is null)
        {
            return Outcome.Refused<AccountProfile>(DomainErrors.CustomerNotFound);
        }

        if (State.ActiveCustomerId != customerId)
        {
            State.ActiveCustomerId = customerId;
            await state.WriteAsync();
        }

        return Outcome.Ok(Profile());
    }

    public async Task<Outcome<AccountProfile>> SetNickname(string nickname)
    {
        ArgumentNullException.ThrowIfNull(nickname);
        if (!Exists)
        {
            return Outcome.Refused<AccountProfile>(DomainErrors.AccountNotFound);
        }

        State.Nickname = nickname.Trim();
        await state.WriteAsync();
        return Outcome.Ok(Profile());
    }

    public Task<int?> GetKeyChange(string songKey) =>
        Task.FromResult(State.KeyChanges.FindLast(k => k.SongKey == songKey)?.KeyChange);

    public async Task RememberKeyChange(string songKey, int keyChange)
    {
        ArgumentNullException.ThrowIfNull(songKey);
        if (!Exists || State.KeyChanges.FindLast(k => k.SongKey == songKey)?.KeyChange == keyChange)
        {
            return;
        }

        State.KeyChanges.RemoveAll(k => k.SongKey == songKey);
        State.KeyChanges.Add(new SongKeyChange { SongKey = songKey, KeyChange = keyChange });
        if (State.KeyChanges.Count > RememberedKeyChanges)
        {
            State.KeyChanges.RemoveRange(0, State.KeyChanges.Count - RememberedKeyChanges);
        }

        await state.WriteAsync();
    }

    public async Task<Outcome<AccountProfile>> SetPlatformRole(string? role, AuditStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        if (!Exists)
        {
            return Outcome.Refused<AccountProfile>(DomainErrors.AccountNotFound);
        }

        if (role is not null && !Roles.IsPlatformRole(role))
        {
            return Outcome.Refused<AccountProfile>(DomainErrors.InvalidRole);
        }

        var before = new { platformRole = State.PlatformRole };
        State.PlatformRole = role;
        await state.WriteAsync(rows =>
        {
            ProjectUser(rows);
            Audit(rows, stamp, "user.platform_role.set", before, new { platformRole = role });
        });
        return Outcome.Ok(Profile());
    }

    public async Task<Outcome<AccountProfile>> BeginImpersonation(AuditStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        if (!Exists)
        {
            return Outcome.Refused<AccountProfile>(DomainErrors.AccountNotFound);
        }

        if (State.PlatformRole is not null)
        {
            return Outcome.Refused<AccountProfile>(DomainErrors.CannotImpersonatePlatformUser);
        }

        await state.WriteAsync(rows =>
        {
            Audit(rows, stamp, "user.impersonation.start", before: null, new { userId = State.UserId, email = State.Email });
        });
        return Outcome.Ok(Profile());
    }

    /// <summary>The <c>users</c> row (for lookups by id and listings) follows the state in its own transaction.</summary>
    private void ProjectUser(List<ISideRow> rows) =>
        rows.Add(new UserRow(State.UserId, State.Email, State.Name, State.PlatformRole, State.CreatedAt, State.Phone, State.NotificationPreferences));

    private void Audit(List<ISideRow> rows, AuditStamp stamp, string action, object? before, object? after) =>
        rows.Add(new AuditRow(stamp, new AuditEntry(action, "user", State.UserId.ToString("D"), CustomerId: null, VenueId: null, before, after)));

    private AccountProfile Profile() =>
        new(State.UserId, State.Email, State.Name, State.CreatedAt, State.PlatformRole, State.Nickname, State.ActiveCustomerId, State.EmailVerified);
}
