using Singr.Grains.Interfaces.Queue;

namespace Singr.Api.Queue;

/// <param name="Status">playing, paused, buffering, ended, error or idle.</param>
/// <param name="ItemId">The item the report is about; required unless idle.</param>
/// <param name="Fence">The lease number from the last reply (omit on the device's first report).</param>
/// <param name="LastCommandSeq">The last host command carried out.</param>
/// <param name="Quality">The video quality playing (default, small, medium, large, hd720, hd1080, highres).</param>
/// <param name="PlaybackRate">The speed, 0.25 to 2.</param>
/// <param name="ErrorCode">With error only: why the item could not play (the YouTube player's error code).</param>
public sealed record PlayerStateBody(
    string? Status,
    Guid? ItemId,
    double? PositionSeconds,
    int? Volume,
    long? Fence,
    long? LastCommandSeq,
    string? Quality = null,
    double? PlaybackRate = null,
    string? ErrorCode = null)
{
    /// <summary>The report of the paired player <paramref name="playerId"/>; check it with <see cref="PlayerReportRules"/>.</summary>
    public PlayerReport ToReport(Guid playerId, string deviceId) =>
        new(playerId, deviceId, Fence, Status ?? string.Empty, ItemId, PositionSeconds ?? 0, Volume ?? PlayerReportRules.MaxVolume, LastCommandSeq ?? 0,
            Quality, PlaybackRate, ErrorCode);
}
