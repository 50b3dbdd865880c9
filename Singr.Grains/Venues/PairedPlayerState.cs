namespace Singr.Grains.Venues;

public sealed class PairedPlayerState
{
    public string DeviceId { get; set; } = string.Empty;

    /// <summary>The code it was paired with, so a retried pairing returns this player instead of a second one.</summary>
    public string CodeHash { get; set; } = string.Empty;

    public DateTimeOffset PairedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
