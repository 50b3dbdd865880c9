namespace Singr.Grains.Accounts;

/// <summary>An account token handed out and not yet used: its hash and when it stops working.</summary>
public sealed class PendingToken
{
    public string Hash { get; set; } = string.Empty;

    public DateTimeOffset ExpiresAt { get; set; }
}
