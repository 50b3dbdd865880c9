namespace Singr.Grains.Interfaces.Accounts;

[GenerateSerializer]
[Alias("singr.accounts.RefreshRotationStatus")]
public enum RefreshRotationStatus
{
    Rotated,

    /// <summary>The token was already used: the family is now revoked.</summary>
    Reused,

    Revoked,
    Expired,
    Unknown,
}
