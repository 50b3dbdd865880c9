using System.Text.Json;

namespace Singr.Api.Audit;

/// <param name="ActorId">The person at the keyboard (under impersonation, the developer).</param>
/// <param name="ActingAsId">Under impersonation, the user acted as.</param>
public sealed record AuditRecord(
    long Id,
    DateTimeOffset OccurredAt,
    Guid ActorId,
    string ActorEmail,
    Guid? ActingAsId,
    string? ActingAsEmail,
    string? ActorRole,
    Guid? CustomerId,
    Guid? VenueId,
    string Action,
    string ResourceType,
    string ResourceId,
    JsonElement? Before,
    JsonElement? After,
    string? ClientAddress,
    string? RequestId);
