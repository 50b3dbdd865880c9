namespace Singr.Grains.Interfaces.Queue;

/// <summary>A queue item's life (queued, playing, played, skipped, failed; <c>removed</c> by a host; <c>pending</c> and <c>rejected</c> in venues that approve requests).</summary>
public static class QueueItemStatuses
{
    public const string Queued = "queued";
    public const string Playing = "playing";
    public const string Played = "played";
    public const string Skipped = "skipped";
    public const string Removed = "removed";
    public const string Failed = "failed";

    /// <summary>Awaiting a host's approval (venues that approve requests): not in the queue yet.</summary>
    public const string Pending = "pending";

    /// <summary>A host refused it: it never joins the queue.</summary>
    public const string Rejected = "rejected";

    /// <summary>Requests still waiting: they count against limits and leave only one at a time.</summary>
    public static IReadOnlyList<string> Waiting { get; } = [Pending, Queued, Playing];

    /// <summary>Every status a request can have, for filters.</summary>
    public static IReadOnlyList<string> All { get; } = [Pending, Queued, Playing, Played, Skipped, Removed, Failed, Rejected];

    /// <summary>Ends a host may give a queued or playing item.</summary>
    public static IReadOnlyList<string> HostEnds { get; } = [Skipped, Removed, Failed];
}
