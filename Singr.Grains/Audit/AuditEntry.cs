namespace Singr.Grains.Audit;

/// <param name="Before">A summary of the resource before the change (null when created), serialised as JSON.</param>
/// <param name="After">A summary after the change (null when deleted).</param>
public sealed record AuditEntry(
    string Action,
    string ResourceType,
    string ResourceId,
    Guid? CustomerId,
    Guid? VenueId,
    object? Before,
    object? After);
