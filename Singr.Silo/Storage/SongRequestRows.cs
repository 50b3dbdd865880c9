using Npgsql;
using Singr.Grains.Interfaces.Requests;
using Singr.Grains.Queue;

namespace Singr.Silo.Storage;

/// <summary>
/// The one reader of <c>song_requests</c> rows (the projection the venue grains write with <c>SongRequestRow</c>): a
/// query selects <see cref="Columns"/> from <c>song_requests r</c>, first, and reads each row with <see cref="Read"/>.
/// </summary>
public static class SongRequestRows
{
    public const string Columns =
        """
        r.id, r.request_id, r.patron_key, r.patron_user_id, r.requested_by_name, r.kind, r.title, r.artist, r.key_change,
        r.notes, r.singer_name, r.youtube_id, r.duration_seconds, r.credits_cost, r.priority, r.status, r.created_at,
        r.started_at, r.ended_at, r.processed, r.processed_at, r.approval_status, r.accepted_by, r.accepted_by_name,
        r.accepted_at, r.responded_by, r.responded_by_name, r.responded_at, r.response_message, r.patron_reply, r.replied_at,
        r.quota_period
        """;

    /// <summary>The ordinal of the first column a query selects after <see cref="Columns"/>.</summary>
    public const int Next = 32;

    /// <summary><see cref="Columns"/> and the venue's slug and name, from <c>venues v</c> joined on the request's venue.</summary>
    public const string WithVenue = $"{Columns}, v.slug, v.name";

    /// <summary>The ordinal of the first column a query selects after <see cref="WithVenue"/>.</summary>
    public const int NextAfterVenue = Next + 2;

    /// <summary>The row as the venue keeps a request.</summary>
    public static QueueEntry Read(NpgsqlDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entry = new QueueEntry
        {
            Id = reader.GetGuid(0),
            RequestId = reader.GetGuid(1),
            PatronKey = reader.GetString(2),
            SubmittedByUserId = reader.GetGuidOrNull(3),
            RequestedBy = reader.GetString(4),
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
            RequestedAt = reader.GetTimeOrNull(16)!.Value,
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

    /// <summary>
    /// The row as hosts see the request, from a query that selects <see cref="WithVenue"/>: the venue's slug and name
    /// follow the request's columns.
    /// </summary>
    public static RequestView ReadView(NpgsqlDataReader reader) =>
        Read(reader).ToHostView(reader.GetString(Next), reader.GetString(Next + 1));
}
