using System.Text.Json;
using Npgsql;
using Singr.Api.Http;
using Singr.Silo.Storage;

namespace Singr.Api.Audit;

/// <summary>Reads the audit trail the grains write, newest first.</summary>
public sealed class AuditLog(NpgsqlDataSource dataSource)
{
    private const string Where =
        """
        ($1::uuid IS NULL OR customer_id = $1) AND ($2::uuid IS NULL OR actor_id = $2 OR acting_as_id = $2)
        AND ($3::uuid IS NULL OR venue_id = $3)
        AND ($4::text IS NULL OR action = $4 OR (right($4, 1) = '.' AND starts_with(action, $4)))
        AND ($5::timestamptz IS NULL OR occurred_at >= $5) AND ($6::timestamptz IS NULL OR occurred_at <= $6)
        """;

    public async Task<Page<AuditRecord>> SearchAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(filter, $"SELECT count(*) FROM audit_log WHERE {Where}"));
        var rows = Command(filter,
            $"""
            SELECT id, occurred_at, actor_id, actor_email, acting_as_id, acting_as_email, actor_role, customer_id, venue_id,
                   action, resource_type, resource_id, before, after, client_address, request_id
            FROM audit_log WHERE {Where} ORDER BY occurred_at DESC, id DESC LIMIT $7 OFFSET $8
            """);
        rows.Parameters.Add(new NpgsqlParameter { Value = page.Limit });
        rows.Parameters.Add(new NpgsqlParameter { Value = page.Offset });
        batch.BatchCommands.Add(rows);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var records = new List<AuditRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new AuditRecord(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetGuid(2),
                reader.GetString(3),
                reader.GetGuidOrNull(4),
                reader.GetStringOrNull(5),
                reader.GetStringOrNull(6),
                reader.GetGuidOrNull(7),
                reader.GetGuidOrNull(8),
                reader.GetString(9),
                reader.GetString(10),
                reader.GetString(11),
                Json(reader, 12),
                Json(reader, 13),
                reader.GetStringOrNull(14),
                reader.GetStringOrNull(15)));
        }

        return page.Of(records, total);
    }

    private static JsonElement? Json(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : JsonDocument.Parse(reader.GetString(ordinal)).RootElement.Clone();

    private static NpgsqlBatchCommand Command(AuditFilter filter, string sql) => new(sql)
    {
        Parameters =
        {
            SqlParameters.Uuid(filter.CustomerId),
            SqlParameters.Uuid(filter.ActorId),
            SqlParameters.Uuid(filter.VenueId),
            SqlParameters.Text(filter.Action),
            SqlParameters.Time(filter.From),
            SqlParameters.Time(filter.To),
        },
    };
}
