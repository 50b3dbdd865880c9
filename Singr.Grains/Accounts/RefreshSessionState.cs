using Singr.Grains.Interfaces.Accounts;

namespace Singr.Grains.Accounts;

public sealed class RefreshSessionState
{
    public AccountProfile? Account { get; set; }

    /// <summary>SHA-256 of the one token that may be presented next.</summary>
    public string CurrentTokenHash { get; set; } = string.Empty;

    /// <summary>Hashes of tokens already exchanged: seeing one again means it was stolen.</summary>
    public List<string> UsedTokenHashes { get; set; } = [];

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the family's first token was issued (sign-in); families from before this field read as the earliest time.</summary>
    public DateTimeOffset StartedAt { get; set; }

    public bool Revoked { get; set; }
}
