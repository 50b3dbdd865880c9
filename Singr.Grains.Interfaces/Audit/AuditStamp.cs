namespace Singr.Grains.Interfaces.Audit;

/// <summary>
/// Who asked for a change, carried into the grain so the audit row commits with the change itself.
/// </summary>
/// <param name="ActorId">The person at the keyboard: under impersonation, the developer.</param>
/// <param name="ActingAsId">Under impersonation, the user being acted as; otherwise null.</param>
/// <param name="ActorRole">The role the change was allowed by (customer_owner, developer, …).</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.audit.AuditStamp")]
public sealed record AuditStamp(
    [property: Id(0)] Guid ActorId,
    [property: Id(1)] string ActorEmail,
    [property: Id(2)] Guid? ActingAsId,
    [property: Id(3)] string? ActingAsEmail,
    [property: Id(4)] string? ActorRole,
    [property: Id(5)] string? ClientAddress,
    [property: Id(6)] string? RequestId);
