namespace Singr.Grains.Accounts;

/// <summary>A phone number being verified: the code texted to it (hashed), until when, and the wrong tries so far.</summary>
public sealed class PendingPhone
{
    public string Phone { get; set; } = string.Empty;

    public string CodeHash { get; set; } = string.Empty;

    public DateTimeOffset ExpiresAt { get; set; }

    public int FailedAttempts { get; set; }
}
