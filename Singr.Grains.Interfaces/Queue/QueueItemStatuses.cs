namespace Singr.Grains.Interfaces.Queue;

/// <summary>A queue item's life (DJAMMS QueueItem.status, plus <c>removed</c> for a host's removal).</summary>
public static class QueueItemStatuses
{
    public const string Queued = "queued";
    public const string Playing = "playing";
    public const string Played = "played";
    public const string Skipped = "skipped";
    public const string Removed = "removed";
    public const string Failed = "failed";

    /// <summary>Ends a host may give a queued or playing item.</summary>
    public static IReadOnlyList<string> HostEnds { get; } = [Skipped, Removed, Failed];
}
