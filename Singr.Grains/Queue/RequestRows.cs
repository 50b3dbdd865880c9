using Npgsql;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Requests;

namespace Singr.Grains.Queue;

/// <summary>
/// Reads a venue's requests that have left its state (ended, rejected) back from their <c>song_requests</c> rows.
/// The venue grain is those rows' only writer and reads them within its own turn, so they are exactly what it wrote.
/// </summary>
public static class RequestRows
{
    private const string Columns =
        """
        id, request_id, patron_key, patron_user_id, requested_by_name, kind, title, artist, key_change, notes, singer_name,
        youtube_id, duration_seconds, credits_cost, priority, status, created_at, started_at, ended_at, processed, processed_at,
        approval_status, accepted_by, accepted_by_name, accepted_at, responded_by, responded_by_name, responded_at,
        response_message, patron_reply, replied_at, quota_period
        """;

    public static async Task<List<QueueEntry>> LoadAsync(NpgsqlDataSource dataSource, Guid venueId, IReadOnlyCollection<Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM song_requests WHERE venue_id = $1 AND id = ANY($2) AND deleted_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = venueId });
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<QueueEntry>();
        while (await reader.ReadAsync())
        {
            entries.Add(Read(reader));
        }

        return entries;
    }

    /// <summary>The ids of the venue's finished, undeleted requests that match every given filter.</summary>
    public static async Task<List<Guid>> FinishedMatchingAsync(NpgsqlDataSource dataSource, Guid venueId, DeleteRequestsMatching filter)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand(
            """
            SELECT id FROM song_requests
            WHERE venue_id = $1 AND deleted_at IS NULL AND NOT (status = ANY($2))
              AND ($3::boolean IS NULL OR processed = $3) AND ($4::text IS NULL OR status = $4)
              AND ($5::timestamptz IS NULL OR created_at >= $5) AND ($6::timestamptz IS NULL OR created_at <= $6)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = venueId });
        command.Parameters.Add(new NpgsqlParameter { Value = QueueItemStatuses.Waiting.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Processed ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Boolean });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Status ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.From?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.To?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static QueueEntry Read(NpgsqlDataReader reader)
    {
        var entry = new QueueEntry
        {
            Id = reader.GetGuid(0),
            RequestId = reader.GetGuid(1),
            PatronKey = reader.GetString(2),
            PatronUserId = reader.IsDBNull(3) ? null : reader.GetGuid(3),
            RequestedByName = reader.GetString(4),
            Kind = reader.GetString(5),
            Title = reader.GetString(6),
            Artist = Text(reader, 7),
            KeyChange = reader.GetInt32(8),
            Notes = Text(reader, 9),
            SingerName = Text(reader, 10),
            YoutubeId = Text(reader, 11),
            DurationSeconds = reader.IsDBNull(12) ? null : reader.GetInt32(12),
            CreditsCost = reader.GetInt32(13),
            Priority = reader.GetBoolean(14),
            Status = reader.GetString(15),
            CreatedAt = Time(reader, 16)!.Value,
            StartedAt = Time(reader, 17),
            EndedAt = Time(reader, 18),
            Processed = reader.GetBoolean(19),
            ProcessedAt = Time(reader, 20),
            QuotaPeriod = Text(reader, 31),
        };
        if (Text(reader, 21) is { } approvalStatus)
        {
            entry.Approval = new ApprovalState
            {
                Status = approvalStatus,
                AcceptedBy = reader.IsDBNull(22) ? null : reader.GetGuid(22),
                AcceptedByName = Text(reader, 23),
                AcceptedAt = Time(reader, 24),
                RespondedBy = reader.IsDBNull(25) ? null : reader.GetGuid(25),
                RespondedByName = Text(reader, 26),
                RespondedAt = Time(reader, 27),
                ResponseMessage = Text(reader, 28),
                PatronReply = Text(reader, 29),
                RepliedAt = Time(reader, 30),
            };
        }

        return entry;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
