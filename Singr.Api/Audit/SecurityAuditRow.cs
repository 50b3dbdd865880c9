namespace Singr.Api.Audit;

/// <summary>One row <see cref="SecurityAudit"/> writes to <c>audit_log</c>.</summary>
internal sealed record SecurityAuditRow(
    Guid ActorId, string Actor, Guid? CustomerId, string Action, string ResourceType, string ResourceId, string AfterJson, string ClientAddress, string RequestId);
