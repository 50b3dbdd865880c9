using Singr.Grains.Accounts;
using Singr.Silo.Storage;
using Xunit;

namespace Singr.Silo.Tests;

/// <summary>
/// Accounts and refresh sessions stored before the account flows (no verification, second factors or session start)
/// read back as they were: unverified, two-factor sign-in off, no session ended.
/// </summary>
public sealed class StoredAccountStateTests
{
    [Fact]
    public void An_account_stored_by_the_previous_release_reads_back_unverified_with_two_factor_off()
    {
        var userId = Guid.NewGuid();
        var json = $$"""
            {
              "userId": "{{userId}}", "email": "ann@example.com", "name": "Ann", "passwordHash": "AQAAAA", "createdAt": "2026-11-30T20:00:00+00:00",
              "platformRole": null, "nickname": "Annie", "activeCustomerId": null, "phone": null, "notificationPreferences": {}, "keyChanges": []
            }
            """;

        var state = GrainStateSerializer.Deserialize<AccountState>(json);

        Assert.Equal(userId, state.UserId);
        Assert.Equal("Annie", state.Nickname);
        Assert.False(state.EmailVerified);
        Assert.Null(state.EmailVerification);
        Assert.Null(state.SessionsValidFrom);
        Assert.False(state.TotpEnabled);
        Assert.Equal(-1, state.TotpLastUsedStep);
        Assert.False(state.SmsTwoFactorEnabled);
        Assert.Empty(state.BackupCodeHashes);
        Assert.Empty(state.SignInChallenges);
    }

    [Fact]
    public void A_refresh_session_stored_by_the_previous_release_reads_back_with_its_profile_and_the_earliest_start()
    {
        var userId = Guid.NewGuid();
        var json = $$"""
            {
              "account": { "userId": "{{userId}}", "email": "ann@example.com", "name": "Ann", "createdAt": "2026-11-30T20:00:00+00:00",
                           "platformRole": null, "nickname": null, "activeCustomerId": null },
              "currentTokenHash": "abc", "usedTokenHashes": [], "expiresAt": "2026-12-07T20:00:00+00:00", "revoked": false
            }
            """;

        var state = GrainStateSerializer.Deserialize<RefreshSessionState>(json);

        Assert.Equal(userId, state.Account!.UserId);
        Assert.False(state.Account.EmailVerified);
        Assert.Equal(default, state.StartedAt);
    }

    [Fact]
    public void Account_tokens_and_second_factors_round_trip_through_storage_as_hashes()
    {
        var state = new AccountState
        {
            EmailVerified = true,
            PasswordReset = new PendingToken { Hash = SecretTokens.Hash("token"), ExpiresAt = DateTimeOffset.UnixEpoch },
            TotpEnabled = true,
            TotpSecret = "JBSWY3DPEHPK3PXP",
            TotpLastUsedStep = 42,
            BackupCodeHashes = [SecretTokens.Hash("abcdefgh")],
            SignInChallenges = [new SignInChallengeState { Hash = SecretTokens.Hash("challenge"), FailedAttempts = 2 }],
        };

        var stored = GrainStateSerializer.Serialize(state);
        var read = GrainStateSerializer.Deserialize<AccountState>(stored);

        Assert.DoesNotContain("abcdefgh", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("\"token\"", stored, StringComparison.Ordinal);
        Assert.True(read.EmailVerified);
        Assert.Equal(state.PasswordReset.Hash, read.PasswordReset!.Hash);
        Assert.Equal(42, read.TotpLastUsedStep);
        Assert.Equal(2, Assert.Single(read.SignInChallenges).FailedAttempts);
    }
}
