using Singr.Grains.Interfaces.Messaging;

namespace Singr.Grains.Accounts;

public sealed class AccountState
{
    public Guid UserId { get; set; }

    public string Email { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string PasswordHash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public string? PlatformRole { get; set; }

    public string? Nickname { get; set; }

    public Guid? ActiveCustomerId { get; set; }

    /// <summary>The phone number SMS go to, once verified with a code; null until then.</summary>
    public string? Phone { get; set; }

    /// <summary>The user's channel choices by <see cref="NotificationKinds"/> value; kinds not listed take the default.</summary>
    public Dictionary<string, NotificationChoice> NotificationPreferences { get; set; } = [];

    /// <summary>The user proved they read <see cref="Email"/>: a verification link, a password reset or a magic link.</summary>
    public bool EmailVerified { get; set; }

    public PendingToken? EmailVerification { get; set; }

    public PendingToken? PasswordReset { get; set; }

    public PendingToken? MagicLink { get; set; }

    /// <summary>Refresh families started before this moment no longer rotate (set by a password reset).</summary>
    public DateTimeOffset? SessionsValidFrom { get; set; }

    /// <summary>The authenticator secret (base32) once confirmed; sign-in asks for its codes while <see cref="TotpEnabled"/>.</summary>
    public string? TotpSecret { get; set; }

    public bool TotpEnabled { get; set; }

    /// <summary>A secret handed out by the last start of authenticator set-up, waiting for its first code.</summary>
    public string? TotpPendingSecret { get; set; }

    /// <summary>The step of the last authenticator code accepted: a code works once, and no earlier one after it.</summary>
    public long TotpLastUsedStep { get; set; } = -1;

    /// <summary>Sign-in can be completed with a code texted to <see cref="Phone"/>.</summary>
    public bool SmsTwoFactorEnabled { get; set; }

    /// <summary>SHA-256 of each backup code not yet used.</summary>
    public List<string> BackupCodeHashes { get; set; } = [];

    public PendingPhone? PendingPhone { get; set; }

    /// <summary>Sign-ins waiting for their second factor, newest last.</summary>
    public List<SignInChallengeState> SignInChallenges { get; set; } = [];

    /// <summary>The key change the singer last used per song (by song key), most recent last.</summary>
    public List<SongKeyChange> KeyChanges { get; set; } = [];
}
