using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Accounts;
using Singr.Grains.Interfaces.Messaging;
using Singr.Grains.Messaging;
using Singr.Grains.Persistence;

namespace Singr.Grains.Accounts;

/// <summary>The emailed account tokens: email verification, password reset, magic-link sign-in; each single use, kept hashed.</summary>
public sealed partial class AccountGrain
{
    /// <summary>TOKEN_EXPIRY of the Singr backend plan.</summary>
    public static readonly TimeSpan EmailVerificationLifetime = TimeSpan.FromHours(24);

    public static readonly TimeSpan PasswordResetLifetime = TimeSpan.FromHours(1);

    public static readonly TimeSpan MagicLinkLifetime = TimeSpan.FromMinutes(15);

    public async Task<Outcome<CodeSent>> SendEmailVerification()
    {
        if (!Exists)
        {
            return Outcome.Refused<CodeSent>(DomainErrors.AccountNotFound);
        }

        if (State.EmailVerified)
        {
            return Outcome.Refused<CodeSent>(DomainErrors.EmailAlreadyVerified);
        }

        var token = IssueToken(EmailVerificationLifetime, out var pending);
        State.EmailVerification = pending;
        await state.WriteAsync(rows => rows.Add(Outbox.EmailToUser(State.UserId, MessageKinds.EmailVerification, new Dictionary<string, string>
        {
            [MessageValues.Name] = State.Name,
            [MessageValues.Token] = token,
        })));
        return Outcome.Ok(new CodeSent(pending.ExpiresAt));
    }

    public async Task<Outcome<AccountProfile>> VerifyEmail(string token)
    {
        if (!Redeems(State.EmailVerification, token))
        {
            return Outcome.Refused<AccountProfile>(DomainErrors.TokenInvalid);
        }

        State.EmailVerification = null;
        State.EmailVerified = true;
        await state.WriteAsync();
        return Outcome.Ok(Profile());
    }

    public async Task RequestPasswordReset()
    {
        if (!Exists)
        {
            return;
        }

        var token = IssueToken(PasswordResetLifetime, out var pending);
        State.PasswordReset = pending;
        await state.WriteAsync(rows => rows.Add(Outbox.EmailToUser(State.UserId, MessageKinds.PasswordReset, new Dictionary<string, string>
        {
            [MessageValues.Name] = State.Name,
            [MessageValues.Token] = token,
        })));
    }

    public async Task<Outcome<AccountProfile>> ResetPassword(string token, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(newPassword);
        if (!Redeems(State.PasswordReset, token))
        {
            return Outcome.Refused<AccountProfile>(DomainErrors.TokenInvalid);
        }

        State.PasswordHash = Hasher.HashPassword(State, newPassword);
        State.PasswordReset = null;

        // Whoever held the old password may hold a session, a sign-in link or a half-done sign-in: all end here.
        State.MagicLink = null;
        State.SignInChallenges.Clear();
        State.SessionsValidFrom = timeProvider.GetUtcNow();

        // The link came to this inbox.
        State.EmailVerified = true;
        await state.WriteAsync();
        return Outcome.Ok(Profile());
    }

    public async Task RequestMagicLink(string? clientAddress)
    {
        if (!Exists)
        {
            return;
        }

        var token = IssueToken(MagicLinkLifetime, out var pending);
        State.MagicLink = pending;
        await state.WriteAsync(rows => rows.Add(Outbox.EmailToUser(State.UserId, MessageKinds.MagicLink, new Dictionary<string, string>
        {
            [MessageValues.Token] = token,
            [MessageValues.ClientAddress] = string.IsNullOrEmpty(clientAddress) ? "unknown" : clientAddress,
        })));
    }

    public async Task<Outcome<SignInStep>> SignInWithMagicLink(string token)
    {
        if (!Redeems(State.MagicLink, token))
        {
            return Outcome.Refused<SignInStep>(DomainErrors.TokenInvalid);
        }

        State.MagicLink = null;
        State.EmailVerified = true;
        var challenge = TwoFactorOn ? IssueChallenge() : null;
        await state.WriteAsync();
        return Outcome.Ok(new SignInStep(challenge is null ? Profile() : null, challenge));
    }

    public Task<DateTimeOffset?> GetSessionsValidFrom() => Task.FromResult(State.SessionsValidFrom);

    /// <summary>A new token for this account and, to keep in state, its hash and expiry.</summary>
    private string IssueToken(TimeSpan lifetime, out PendingToken pending)
    {
        var token = AccountToken.Compose(State.UserId, SecretTokens.NewSecret());
        pending = new PendingToken { Hash = SecretTokens.Hash(token), ExpiresAt = timeProvider.GetUtcNow() + lifetime };
        return token;
    }

    private bool Redeems(PendingToken? pending, string? token) =>
        Exists && pending is not null && timeProvider.GetUtcNow() < pending.ExpiresAt && SecretTokens.Matches(pending.Hash, token);
}
