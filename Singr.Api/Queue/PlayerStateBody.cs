using Singr.Grains.Interfaces.Queue;

namespace Singr.Api.Queue;

/// <param name="Status">playing, paused or idle.</param>
/// <param name="Fence">The lease number from the last reply (omit on the device's first report).</param>
/// <param name="LastCommandSeq">The last host command carried out.</param>
public sealed record PlayerStateBody(string? Status, Guid? ItemId, double? PositionSeconds, int? Volume, long? Fence, long? LastCommandSeq)
{
    /// <summary>The report of the paired player <paramref name="playerId"/>; check it with <see cref="PlayerReportRules"/>.</summary>
    public PlayerReport ToReport(Guid playerId, string deviceId) =>
        new(playerId, deviceId, Fence, Status ?? string.Empty, ItemId, PositionSeconds ?? 0, Volume ?? PlayerReportRules.MaxVolume, LastCommandSeq ?? 0);
}
