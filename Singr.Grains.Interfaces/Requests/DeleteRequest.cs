using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Requests;

/// <summary>Deletes one request from the host's lists; one still waiting leaves the queue first (held credits go back).</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.requests.DeleteRequest")]
public sealed record DeleteRequest([property: Id(0)] Guid Id, [property: Id(1)] AuditStamp Stamp);
