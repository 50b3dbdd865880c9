using System.Security.Cryptography;
using System.Text;
using Singr.Grains.Interfaces.Accounts;
using Singr.Grains.Persistence;

namespace Singr.Grains.Accounts;

/// <summary>A family of rotating refresh tokens. Only hashes are stored; a reused token revokes the family.</summary>
[GrainType("refresh-session")]
public sealed class RefreshSessionGrain([VersionedState("refresh-session")] IVersionedState<RefreshSessionState> state, TimeProvider timeProvider) : Grain, IRefreshSessionGrain
{
    private RefreshSessionState State
    {
        get => state.State;
        set => state.State = value;
    }

    /// <summary>JWT_REFRESH_TTL of the Singr backend plan: 7 days, renewed by each rotation.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>Enough to recognise reuse of recent tokens without the state growing for ever.</summary>
    private const int RememberedUsedTokens = 50;

    public async Task<string> Start(AccountProfile account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (State.Account is not null)
        {
            throw new InvalidOperationException("This refresh session was already started.");
        }

        State.Account = account;
        var token = NewToken();
        State.CurrentTokenHash = Hash(token);
        State.StartedAt = timeProvider.GetUtcNow();
        State.ExpiresAt = State.StartedAt + Lifetime;
        await state.WriteAsync();
        return token;
    }

    public async Task<RefreshRotation> Rotate(string presentedToken)
    {
        var presented = Hash(presentedToken ?? string.Empty);
        if (State.Account is null)
        {
            return new RefreshRotation(RefreshRotationStatus.Unknown, null, null);
        }

        if (State.Revoked)
        {
            return new RefreshRotation(RefreshRotationStatus.Revoked, null, null);
        }

        if (State.UsedTokenHashes.Contains(presented))
        {
            State.Revoked = true;
            await state.WriteAsync();
            return new RefreshRotation(RefreshRotationStatus.Reused, null, null);
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(State.CurrentTokenHash)))
        {
            return new RefreshRotation(RefreshRotationStatus.Unknown, null, null);
        }

        if (timeProvider.GetUtcNow() >= State.ExpiresAt)
        {
            return new RefreshRotation(RefreshRotationStatus.Expired, null, null);
        }

        // A password reset ends every session started before it.
        if (await GrainFactory.GetGrain<IAccountGrain>(State.Account.Email).GetSessionsValidFrom() is { } validFrom && State.StartedAt < validFrom)
        {
            State.Revoked = true;
            await state.WriteAsync();
            return new RefreshRotation(RefreshRotationStatus.Revoked, null, null);
        }

        var next = NewToken();
        State.UsedTokenHashes.Add(presented);
        if (State.UsedTokenHashes.Count > RememberedUsedTokens)
        {
            State.UsedTokenHashes.RemoveAt(0);
        }

        State.CurrentTokenHash = Hash(next);
        State.ExpiresAt = timeProvider.GetUtcNow() + Lifetime;
        await state.WriteAsync();
        return new RefreshRotation(RefreshRotationStatus.Rotated, next, State.Account);
    }

    public async Task Revoke()
    {
        if (State.Account is not null && !State.Revoked)
        {
            State.Revoked = true;
            await state.WriteAsync();
        }
    }

    private string NewToken() => RefreshToken.Compose(this.GetPrimaryKey(), Base64UrlSecret());

    private static string Base64UrlSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
