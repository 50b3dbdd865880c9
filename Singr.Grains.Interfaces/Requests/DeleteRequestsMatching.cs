using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Requests;

/// <summary>
/// Clears the venue's finished requests that match every given filter from the host's lists. Requests still waiting
/// (awaiting approval, queued or playing) are never cleared in bulk: a host removes those one by one.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.requests.DeleteRequestsMatching")]
public sealed record DeleteRequestsMatching(
    [property: Id(0)] bool? Processed,
    [property: Id(1)] string? Status,
    [property: Id(2)] DateTimeOffset? From,
    [property: Id(3)] DateTimeOffset? To,
    [property: Id(4)] AuditStamp Stamp);
