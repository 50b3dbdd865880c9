using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Accounts;
using Singr.Grains.Interfaces.Messaging;
using Singr.Grains.Messaging;
using Singr.Grains.Persistence;

namespace Singr.Grains.Accounts;

/// <summary>Optional two-factor sign-in (authenticator codes, SMS codes, backup codes) and the verified phone SMS go to.</summary>
public sealed partial class AccountGrain
{
    /// <summary>TWO_FACTOR of the Singr backend plan: a challenge and an SMS code each last 5 minutes.</summary>
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan SmsCodeLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Sign-ins waiting for a second factor at once; the oldest gives way.</summary>
    private const int OpenChallenges = 5;

    private bool TwoFactorOn => State.TotpEnabled || (State.SmsTwoFactorEnabled && State.Phone is not null);

    public async Task<Outcome<CodeSent>> SendTwoFactorSms(string challengeToken)
    {
        if (FindChallenge(challengeToken) is not { } challenge)
        {
            return Outcome.Refused<CodeSent>(DomainErrors.TokenInvalid);
        }

        if (!State.SmsTwoFactorEnabled || State.Phone is null)
        {
            return Outcome.Refused<CodeSent>(DomainErrors.TwoFactorNotEnabled);
        }

        var code = NumericCodes.New();
        challenge.SmsCodeHash = smsCodes.VerifiesCodes ? null : NumericCodes.Hash(State.UserId, code);
        challenge.SmsCodeExpiresAt = timeProvider.GetUtcNow() + SmsCodeLifetime;
        await state.WriteAsync(rows => rows.Add(Outbox.SmsToUser(State.UserId, MessageKinds.TwoFactorCode, Code(code))));
        return Outcome.Ok(new CodeSent(challenge.SmsCodeExpiresAt.Value));
    }

    public async Task<Outcome<AccountProfile>> CompleteTwoFactor(string challengeToken, string code)
    {
        if (FindChallenge(challengeToken) is not { } challenge)
        {
            return Outcome.Refused<AccountProfile>(DomainErrors.TokenInvalid);
        }

        var now = timeProvider.GetUtcNow();
        var smsCodeSent = State.SmsTwoFactorEnabled && State.Phone is not null && challenge.SmsCodeExpiresAt > now;
        if (!UsesTotpCode(code) && !BackupCodes.TryUse(State.BackupCodeHashes, code) && !(smsCodeSent && await IsSmsCodeAsync(challenge.SmsCodeHash, State.Phone!, code)))
        {
            // Five wrong codes void the challenge: the next try needs the password (and its rate limit) again.
            if (++challenge.FailedAttempts >= NumericCodes.MaxFailedAttempts)
            {
                State.SignInChallenges.Remove(challenge);
            }

            await state.WriteAsync();
            return Outcome.Refused<AccountProfile>(DomainErrors.CodeInvalid);
        }

        State.SignInChallenges.Remove(challenge);
        await state.WriteAsync();
        return Outcome.Ok(Profile());
    }

    public Task<Outcome<TwoFactorStatus>> GetTwoFactorStatus() =>
        Task.FromResult(Exists ? Outcome.Ok(TwoFactor()) : Outcome.Refused<TwoFactorStatus>(DomainErrors.AccountNotFound));

    public async Task<Outcome<TotpSetup>> StartTotp()
    {
        if (!Exists)
        {
            return Outcome.Refused<TotpSetup>(DomainErrors.AccountNotFound);
        }

        if (State.TotpEnabled)
        {
            return Outcome.Refused<TotpSetup>(DomainErrors.TwoFactorAlreadyEnabled);
        }

        State.TotpPendingSecret = Base32.Encode(Totp.NewSecret());
        await state.WriteAsync();
        return Outcome.Ok(new TotpSetup(State.TotpPendingSecret, Totp.OtpAuthUri(State.Email, State.TotpPendingSecret)));
    }

    public async Task<Outcome<TwoFactorEnabled>> ConfirmTotp(string code)
    {
        if (!Exists)
        {
            return Outcome.Refused<TwoFactorEnabled>(DomainErrors.AccountNotFound);
        }

        if (State.TotpEnabled)
        {
            return Outcome.Refused<TwoFactorEnabled>(DomainErrors.TwoFactorAlreadyEnabled);
        }

        if (State.TotpPendingSecret is null || Base32.Decode(State.TotpPendingSecret) is not { } secret)
        {
            return Outcome.Refused<TwoFactorEnabled>(DomainErrors.TotpNotStarted);
        }

        if (Totp.Match(secret, code, timeProvider.GetUtcNow()) is not { } step)
        {
            return Outcome.Refused<TwoFactorEnabled>(DomainErrors.CodeInvalid);
        }

        State.TotpSecret = State.TotpPendingSecret;
        State.TotpPendingSecret = null;
        State.TotpEnabled = true;
        State.TotpLastUsedStep = step;
        var backupCodes = NewBackupCodes();
        await state.WriteAsync();
        return Outcome.Ok(new TwoFactorEnabled(TwoFactor(), backupCodes));
    }

    public async Task<Outcome<TwoFactorEnabled>> EnableSmsTwoFactor()
    {
        if (!Exists)
        {
            return Outcome.Refused<TwoFactorEnabled>(DomainErrors.AccountNotFound);
        }

        if (State.Phone is null)
        {
            return Outcome.Refused<TwoFactorEnabled>(DomainErrors.PhoneNotVerified);
        }

        if (State.SmsTwoFactorEnabled)
        {
            return Outcome.Refused<TwoFactorEnabled>(DomainErrors.TwoFactorAlreadyEnabled);
        }

        State.SmsTwoFactorEnabled = true;

        // Backup codes already handed out (with the authenticator) stay good; an account without any gets its ten.
        IReadOnlyList<string> backupCodes = State.BackupCodeHashes.Count == 0 ? NewBackupCodes() : [];
        await state.WriteAsync();
        return Outcome.Ok(new TwoFactorEnabled(TwoFactor(), backupCodes));
    }

    public async Task<Outcome<TwoFactorStatus>> DisableTwoFactor(string code)
    {
        if (!Exists)
        {
            return Outcome.Refused<TwoFactorStatus>(DomainErrors.AccountNotFound);
        }

        if (!State.TotpEnabled && !State.SmsTwoFactorEnabled)
        {
            return Outcome.Refused<TwoFactorStatus>(DomainErrors.TwoFactorNotEnabled);
        }

        if (!UsesTotpCode(code) && !BackupCodes.TryUse(State.BackupCodeHashes, code))
        {
            return Outcome.Refused<TwoFactorStatus>(DomainErrors.CodeInvalid);
        }

        State.TotpEnabled = false;
        State.TotpSecret = null;
        State.TotpPendingSecret = null;
        State.SmsTwoFactorEnabled = false;
        State.BackupCodeHashes.Clear();
        State.SignInChallenges.Clear();
        await state.WriteAsync();
        return Outcome.Ok(TwoFactor());
    }

    public async Task<Outcome<CodeSent>> StartPhoneVerification(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        if (!Exists)
        {
            return Outcome.Refused<CodeSent>(DomainErrors.AccountNotFound);
        }

        var code = NumericCodes.New();
        State.PendingPhone = new PendingPhone
        {
            Phone = phone,
            CodeHash = smsCodes.VerifiesCodes ? string.Empty : NumericCodes.Hash(State.UserId, code),
            ExpiresAt = timeProvider.GetUtcNow() + SmsCodeLifetime,
        };
        await state.WriteAsync(rows => rows.Add(Outbox.SmsTo(phone, State.UserId, MessageKinds.SmsVerification, Code(code))));
        return Outcome.Ok(new CodeSent(State.PendingPhone.ExpiresAt));
    }

    public async Task<Outcome<TwoFactorStatus>> VerifyPhone(string code)
    {
        if (State.PendingPhone is not { } pending || timeProvider.GetUtcNow() >= pending.ExpiresAt)
        {
            return Outcome.Refused<TwoFactorStatus>(DomainErrors.CodeInvalid);
        }

        if (!await IsSmsCodeAsync(pending.CodeHash, pending.Phone, code))
        {
            if (++pending.FailedAttempts >= NumericCodes.MaxFailedAttempts)
            {
                State.PendingPhone = null;
            }

            await state.WriteAsync();
            return Outcome.Refused<TwoFactorStatus>(DomainErrors.CodeInvalid);
        }

        State.Phone = pending.Phone;
        State.PendingPhone = null;
        await state.WriteAsync(ProjectUser);
        return Outcome.Ok(TwoFactor());
    }

    /// <summary>The code sent to <paramref name="phone"/>: checked against its hash, or by the provider that made it.</summary>
    private async Task<bool> IsSmsCodeAsync(string? codeHash, string phone, string code) =>
        smsCodes.VerifiesCodes
            ? NumericCodes.LooksLikeCode(code) && await smsCodes.CheckAsync(phone, code)
            : NumericCodes.Matches(codeHash, State.UserId, code);

    private TwoFactorChallenge IssueChallenge()
    {
        var now = timeProvider.GetUtcNow();
        State.SignInChallenges.RemoveAll(c => c.ExpiresAt <= now);
        if (State.SignInChallenges.Count >= OpenChallenges)
        {
            State.SignInChallenges.RemoveRange(0, State.SignInChallenges.Count - OpenChallenges + 1);
        }

        var token = AccountToken.Compose(State.UserId, SecretTokens.NewSecret());
        var challenge = new SignInChallengeState { Hash = SecretTokens.Hash(token), ExpiresAt = now + ChallengeLifetime };
        State.SignInChallenges.Add(challenge);
        List<string> methods = [];
        if (State.TotpEnabled)
        {
            methods.Add(TwoFactorMethods.Totp);
        }

        if (State.SmsTwoFactorEnabled && State.Phone is not null)
        {
            methods.Add(TwoFactorMethods.Sms);
        }

        if (State.BackupCodeHashes.Count > 0)
        {
            methods.Add(TwoFactorMethods.Backup);
        }

        return new TwoFactorChallenge(token, methods, challenge.ExpiresAt);
    }

    private SignInChallengeState? FindChallenge(string? token)
    {
        var now = timeProvider.GetUtcNow();
        return State.SignInChallenges.Find(c => now < c.ExpiresAt && SecretTokens.Matches(c.Hash, token));
    }

    /// <summary>Whether <paramref name="code"/> is a current authenticator code not used before; records its step when it is.</summary>
    private bool UsesTotpCode(string? code)
    {
        if (!State.TotpEnabled || State.TotpSecret is null || Base32.Decode(State.TotpSecret) is not { } secret
            || Totp.Match(secret, code, timeProvider.GetUtcNow(), State.TotpLastUsedStep) is not { } step)
        {
            return false;
        }

        State.TotpLastUsedStep = step;
        return true;
    }

    private IReadOnlyList<string> NewBackupCodes()
    {
        var codes = BackupCodes.New();
        State.BackupCodeHashes = [.. codes.Select(SecretTokens.Hash)];
        return codes;
    }

    private TwoFactorStatus TwoFactor() => new(
        State.TotpEnabled,
        State.SmsTwoFactorEnabled && State.Phone is not null,
        State.Phone,
        State.BackupCodeHashes.Count,
        State.TotpPendingSecret is not null,
        State.EmailVerified);

    private static Dictionary<string, string> Code(string code) => new() { [MessageValues.Code] = code };
}
