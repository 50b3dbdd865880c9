using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Requests;

/// <summary>A host claims a request awaiting approval, so the team knows who answers it.</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.requests.AcceptRequest")]
public sealed record AcceptRequest([property: Id(0)] Guid Id, [property: Id(1)] HostIdentity Host, [property: Id(2)] AuditStamp Stamp);
