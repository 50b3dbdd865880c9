namespace Singr.Grains.Interfaces.Queue;

/// <param name="Fence">The lease number from the player's last reply; null on a device's first report.</param>
/// <param name="ItemId">The queue item playing or paused, per the player; null when idle.</param>
/// <param name="LastCommandSeq">The last host command the player carried out.</param>
public sealed record PlayerReport(
    Guid PlayerId,
    string DeviceId,
    long? Fence,
    string Status,
    Guid? ItemId,
    double PositionSeconds,
    int Volume,
    long LastCommandSeq);
