using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Requests;

/// <summary>
/// Clears the venue's finished requests that match every given filter from the host's lists. Requests still waiting
/// (awaiting approval, queued or playing) are never cleared in bulk: a host removes those one by one.
/// </summary>
public sealed record DeleteRequestsMatching(bool? Processed, string? Status, DateTimeOffset? From, DateTimeOffset? To, AuditStamp Stamp);
