using System.Text.Json;
using Npgsql;
using Singr.Grains.Interfaces.Audit;
using Singr.Silo.Storage;

namespace Singr.Grains.Audit;

/// <summary>Audit rows are added to the grain's own write, so a change is never committed without its record.</summary>
internal static class AuditTrail
{
    public static void Record(GrainTransaction transaction, AuditStamp stamp, AuditEntry entry) =>
        transaction.Add(
            """
            INSERT INTO audit_log (actor_id, actor_email, acting_as_id, acting_as_email, actor_role, customer_id, venue_id,
                                   action, resource_type, resource_id, before, after, client_address, request_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            """,
            stamp.ActorId,
            stamp.ActorEmail,
            stamp.ActingAsId,
            stamp.ActingAsEmail,
            stamp.ActorRole,
            entry.CustomerId,
            entry.VenueId,
            entry.Action,
            entry.ResourceType,
            entry.ResourceId,
            Summary(entry.Before),
            Summary(entry.After),
            stamp.ClientAddress,
            stamp.RequestId);

    private static NpgsqlParameter? Summary(object? value) =>
        value is null ? null : GrainTransaction.Jsonb(JsonSerializer.Serialize(value, value.GetType(), JsonSerializerOptions.Web));
}
