namespace Singr.Grains.Interfaces.Audit;

/// <summary>
/// Who asked for a change, carried into the grain so the audit row commits with the change itself.
/// </summary>
/// <param name="ActorId">The person at the keyboard: under impersonation, the developer.</param>
/// <param name="ActingAsId">Under impersonation, the user being acted as; otherwise null.</param>
/// <param name="ActorRole">The role the change was allowed by (customer_owner, developer, …).</param>
public sealed record AuditStamp(
    Guid ActorId,
    string ActorEmail,
    Guid? ActingAsId,
    string? ActingAsEmail,
    string? ActorRole,
    string? ClientAddress,
    string? RequestId);
