using Npgsql;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Requests;
using Singr.Grains.Queue;

namespace Singr.Silo.Storage;

/// <summary>The venue's finished requests, from <c>song_requests</c>.</summary>
internal sealed class RequestArchive(NpgsqlDataSource dataSource) : IRequestArchive
{
    private const string Columns =
        """
        id, request_id, patron_key, patron_user_id, requested_by_name, kind, title, artist, key_change, notes, singer_name,
        youtube_id, duration_seconds, credits_cost, priority, status, created_at, started_at, ended_at, processed, processed_at,
        approval_status, accepted_by, accepted_by_name, accepted_at, responded_by, responded_by_name, responded_at,
        response_message, patron_reply, replied_at, quota_period
        """;

    public async Task<List<QueueEntry>> LoadAsync(Guid venueId, IReadOnlyCollection<Guid> ids)
    {
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

    public async Task<List<Guid>> FinishedMatchingAsync(Guid venueId, DeleteRequestsMatching filter)
    {
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
        command.Parameters.Add(SqlParameters.Flag(filter.Processed));
        command.Parameters.Add(SqlParameters.Text(filter.Status));
        command.Parameters.Add(SqlParameters.Time(filter.From));
        command.Parameters.Add(SqlParameters.Time(filter.To));
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
            PatronUserId = reader.GetGuidOrNull(3),
            RequestedByName = reader.GetString(4),
            Kind = reader.GetString(5),
            Title = reader.GetString(6),
            Artist = reader.GetStringOrNull(7),
            KeyChange = reader.GetInt32(8),
            Notes = reader.GetStringOrNull(9),
            SingerName = reader.GetStringOrNull(10),
            YoutubeId = reader.GetStringOrNull(11),
            DurationSeconds = reader.GetInt32OrNull(12),
            CreditsCost = reader.GetInt32(13),
            Priority = reader.GetBoolean(14),
            Status = reader.GetString(15),
            CreatedAt = reader.GetTimeOrNull(16)!.Value,
            StartedAt = reader.GetTimeOrNull(17),
            EndedAt = reader.GetTimeOrNull(18),
            Processed = reader.GetBoolean(19),
            ProcessedAt = reader.GetTimeOrNull(20),
            QuotaPeriod = reader.GetStringOrNull(31),
        };
        if (reader.GetStringOrNull(21) is { } approvalStatus)
        {
            entry.Approval = new ApprovalState
            {
                Status = approvalStatus,
                AcceptedBy = reader.GetGuidOrNull(22),
                AcceptedByName = reader.GetStringOrNull(23),
                AcceptedAt = reader.GetTimeOrNull(24),
                RespondedBy = reader.GetGuidOrNull(25),
                RespondedByName = reader.GetStringOrNull(26),
                RespondedAt = reader.GetTimeOrNull(27),
                ResponseMessage = reader.GetStringOrNull(28),
                PatronReply = reader.GetStringOrNull(29),
                RepliedAt = reader.GetTimeOrNull(30),
            };
        }

        return entry;
    }
}
