namespace Singr.Api.Queue;

/// <param name="Status">playing, paused or idle.</param>
/// <param name="Fence">The lease number from the last reply (omit on the device's first report).</param>
/// <param name="LastCommandSeq">The last host command carried out.</param>
public sealed record PlayerStateBody(string? Status, Guid? ItemId, double? PositionSeconds, int? Volume, long? Fence, long? LastCommandSeq);
