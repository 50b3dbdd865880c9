using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Requests;

/// <summary>Marks an approved request sung; one still waiting in the queue leaves it as played.</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.requests.FulfillRequest")]
public sealed record FulfillRequest([property: Id(0)] Guid Id, [property: Id(1)] AuditStamp Stamp);
