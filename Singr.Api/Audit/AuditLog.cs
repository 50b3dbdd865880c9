using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Singr.Api.Http;

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
                reader.IsDBNull(4) ? null : reader.GetGuid(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetGuid(7),
                reader.IsDBNull(8) ? null : reader.GetGuid(8),
                reader.GetString(9),
                reader.GetString(10),
                reader.GetString(11),
                Json(reader, 12),
                Json(reader, 13),
                reader.IsDBNull(14) ? null : reader.GetString(14),
                reader.IsDBNull(15) ? null : reader.GetString(15)));
        }

        return page.Of(records, total);
    }

    private static JsonElement? Json(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : JsonDocument.Parse(reader.GetString(ordinal)).RootElement.Clone();

    private static NpgsqlBatchCommand Command(AuditFilter filter, string sql) => new(sql)
    {
        Parameters =
        {
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = (object?)filter.CustomerId ?? DBNull.Value },
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = (object?)filter.ActorId ?? DBNull.Value },
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = (object?)filter.VenueId ?? DBNull.Value },
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)filter.Action ?? DBNull.Value },
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)filter.From?.ToUniversalTime() ?? DBNull.Value },
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)filter.To?.ToUniversalTime() ?? DBNull.Value },
        },
    };
}
