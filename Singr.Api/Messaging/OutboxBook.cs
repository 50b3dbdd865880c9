using Npgsql;
using Singr.Api.Http;
using Singr.Grains.Interfaces.Audit;
using Singr.Silo.Storage;

namespace Singr.Api.Messaging;

/// <summary>The outbox for platform staff: listing by status and channel, and sending a dead message again (audited in the same statement).</summary>
public sealed class OutboxBook(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public static IReadOnlyList<string> Statuses { get; } = ["pending", "claimed", "sending", "sent", "failed", "unconfirmed", "skipped"];

    /// <summary>What staff may send again: every attempt failed, or a dead worker left it unconfirmed.</summary>
    public static IReadOnlyList<string> RetryableStatuses { get; } = ["failed", "unconfirmed"];

    private const string Columns =
        "id, channel, kind, user_id, recipient, status, attempts, next_attempt_at, last_error, skip_reason, subject, provider_message_id, created_at, sent_at, updated_at";

    private const string Filter = "($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR channel = $2)";

    // The retry and its audit row are one statement: either both happen or neither does.
    private const string RetrySql =
        $"""
        WITH retried AS (
            UPDATE outbox_messages SET status = 'pending', attempts = 0, next_attempt_at = $2, last_error = NULL, updated_at = $2
            WHERE id = $1 AND status = ANY($3)
            RETURNING {Columns}),
        audited AS (
            INSERT INTO audit_log (actor_id, actor_email, acting_as_id, acting_as_email, actor_role, action, resource_type, resource_id, after, client_address, request_id)
            SELECT $4, $5, $6, $7, $8, 'message.retry', 'message', id::text, jsonb_build_object('kind', kind, 'channel', channel), $9, $10 FROM retried)
        SELECT {Columns} FROM retried
        """;

    public async Task<OutboxView> ListAsync(string? status, string? channel, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command("SELECT status, count(*) FROM outbox_messages GROUP BY status"));
        batch.BatchCommands.Add(Command($"SELECT count(*) FROM outbox_messages WHERE {Filter}", SqlParameters.Text(status), SqlParameters.Text(channel)));
        batch.BatchCommands.Add(Command(
            $"SELECT {Columns} FROM outbox_messages WHERE {Filter} ORDER BY created_at DESC, id LIMIT $3 OFFSET $4",
            SqlParameters.Text(status), SqlParameters.Text(channel), page.Limit, page.Offset));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var counts = Statuses.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var messages = new List<MessageListing>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(Read(reader));
        }

        return new OutboxView(counts, page.Of(messages, total));
    }

    public async Task<MessageListing?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM outbox_messages WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <returns>The message, due now with its attempts reset; null unless it was failed or unconfirmed.</returns>
    public async Task<MessageListing?> RetryAsync(Guid id, AuditStamp stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        await using var command = dataSource.CreateCommand(RetrySql);
        command.Parameters.AddRange(new object[]
        {
            new NpgsqlParameter { Value = id },
            new NpgsqlParameter { Value = clock.GetUtcNow() },
            new NpgsqlParameter { Value = RetryableStatuses.ToArray() },
            new NpgsqlParameter { Value = stamp.ActorId },
            new NpgsqlParameter { Value = stamp.ActorEmail },
            SqlParameters.Uuid(stamp.ActingAsId),
            SqlParameters.Text(stamp.ActingAsEmail),
            SqlParameters.Text(stamp.ActorRole),
            SqlParameters.Text(stamp.ClientAddress),
            SqlParameters.Text(stamp.RequestId),
        });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter as NpgsqlParameter ?? new NpgsqlParameter { Value = parameter });
        }

        return command;
    }

    private static MessageListing Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetGuidOrNull(3),
        reader.GetStringOrNull(4),
        reader.GetString(5),
        reader.GetInt32(6),
        reader.GetFieldValue<DateTimeOffset>(7),
        reader.GetStringOrNull(8),
        reader.GetStringOrNull(9),
        reader.GetStringOrNull(10),
        reader.GetStringOrNull(11),
        reader.GetFieldValue<DateTimeOffset>(12),
        reader.GetTimeOrNull(13),
        reader.GetFieldValue<DateTimeOffset>(14));
}
