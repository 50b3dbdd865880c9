using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Queue;

/// <param name="Value">Volume 0-100, or seek position in seconds.</param>
/// <param name="Quality">For <c>quality</c>: one of <see cref="VideoQualities.All"/>.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.IssuePlayerCommand")]
public sealed record IssuePlayerCommand(
    [property: Id(0)] string Command,
    [property: Id(1)] double? Value,
    [property: Id(2)] AuditStamp Stamp,
    [property: Id(3)] string? Quality = null);
