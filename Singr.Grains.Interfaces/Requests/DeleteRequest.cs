using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Requests;

/// <summary>Deletes one request from the host's lists; one still waiting leaves the queue first (held credits go back).</summary>
public sealed record DeleteRequest(Guid Id, AuditStamp Stamp);
