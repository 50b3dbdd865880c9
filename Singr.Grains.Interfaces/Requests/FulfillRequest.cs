using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Requests;

/// <summary>Marks an approved request sung; one still waiting in the queue leaves it as played.</summary>
public sealed record FulfillRequest(Guid Id, AuditStamp Stamp);
