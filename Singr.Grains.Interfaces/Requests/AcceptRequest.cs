using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Requests;

/// <summary>A host claims a request awaiting approval, so the team knows who answers it.</summary>
public sealed record AcceptRequest(Guid Id, HostIdentity Host, AuditStamp Stamp);
