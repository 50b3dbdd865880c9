using Singr.Api.Http;
using Singr.Grains.Interfaces.Queue;

namespace Singr.Api.Queue;

/// <summary>Either ends a queued item or moves it.</summary>
/// <param name="Status">skipped, removed or failed.</param>
/// <param name="Position">A new 1-based position.</param>
public sealed record QueueItemPatchBody(string? Status, int? Position)
{
    /// <summary>Each invalid field.</summary>
    public IReadOnlyList<ApiErrorDetail> Check() =>
        (Status is null) == (Position is null) || (Status is not null && !QueueItemStatuses.HostEnds.Contains(Status))
            ? [new ApiErrorDetail(Status is null ? "position" : "status", $"Send either a position or a status ({string.Join(", ", QueueItemStatuses.HostEnds)}).")]
            : [];
}
