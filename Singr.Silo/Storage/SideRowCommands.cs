using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Singr.Grains.Accounts;
using Singr.Grains.Audit;
using Singr.Grains.Customers;
using Singr.Grains.Messaging;
using Singr.Grains.Persistence;
using Singr.Grains.Queue;
using Singr.Grains.Songbook;
using Singr.Grains.Venues;
using Singr.Grains.Wallets;
using Singr.Silo.Streams;

namespace Singr.Silo.Storage;

/// <summary>The SQL of every side row a grain can write with its state: one batch command per row.</summary>
internal static class SideRowCommands
{
    private const string UpsertUser =
        """
        INSERT INTO users (id, email, name, platform_role, created_at, phone, notification_preferences) VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, platform_role = EXCLUDED.platform_role, phone = EXCLUDED.phone,
                                       notification_preferences = EXCLUDED.notification_preferences, updated_at = now()
        """;

    private const string InsertAudit =
        """
        INSERT INTO audit_log (actor_id, actor_email, acting_as_id, acting_as_email, actor_role, customer_id, venue_id,
                               action, resource_type, resource_id, before, after, client_address, request_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
        """;

    private const string InsertOutboxMessage =
        """
        INSERT INTO outbox_messages (id, channel, kind, user_id, recipient, preference, template_values) VALUES ($1, $2, $3, $4, $5, $6, $7)
        """;

    private const string InsertNotification =
        """
        INSERT INTO notifications (id, user_id, kind, venue_id, venue_name, request_id, title, artist, singer_name, message, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        """;

    private const string UpsertCustomer =
        """
        INSERT INTO customers (id, name, created_at) VALUES ($1, $2, $3)
        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()
        """;

    private const string UpsertMember =
        """
        INSERT INTO customer_members (customer_id, user_id, role, joined_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (customer_id, user_id) DO UPDATE SET role = EXCLUDED.role
        """;

    private const string DeleteMember = "DELETE FROM customer_members WHERE customer_id = $1 AND user_id = $2";

    private const string UpsertVenue =
        """
        INSERT INTO venues (id, customer_id, slug, name, timezone, address, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (id) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name, timezone = EXCLUDED.timezone,
                                       address = EXCLUDED.address, updated_at = EXCLUDED.updated_at, deleted_at = NULL
        """;

    private const string RetireVenue = "UPDATE venues SET deleted_at = $2, updated_at = $2 WHERE id = $1";

    private const string InsertLedger =
        """
        INSERT INTO credit_transactions (user_id, venue_id, amount, transaction_type, description, operation_id, actor_id, balance_after, wallet_version)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        """;

    private const string UpsertPurchase =
        """
        INSERT INTO credit_purchases (session_id, wallet_id, package, credits, amount_cents, currency, status, payment_intent_id,
                                      credits_taken_back, created_at, completed_at, refunded_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())
        ON CONFLICT (session_id) DO UPDATE SET
            status = EXCLUDED.status, payment_intent_id = EXCLUDED.payment_intent_id, credits_taken_back = EXCLUDED.credits_taken_back,
            completed_at = EXCLUDED.completed_at, refunded_at = EXCLUDED.refunded_at, updated_at = now()
        """;

    private const string UpsertSongRequest =
        """
        INSERT INTO song_requests (id, venue_id, request_id, patron_key, patron_user_id, requested_by_name, kind, title, artist,
                                   key_change, notes, singer_name, youtube_id, duration_seconds, credits_cost, priority, status,
                                   created_at, started_at, ended_at, processed, processed_at, quota_period, approval_status,
                                   accepted_by, accepted_by_name, accepted_at, responded_by, responded_by_name, responded_at,
                                   response_message, patron_reply, replied_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24,
                $25, $26, $27, $28, $29, $30, $31, $32, $33)
        ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, started_at = EXCLUDED.started_at, ended_at = EXCLUDED.ended_at,
                                       processed = EXCLUDED.processed, processed_at = EXCLUDED.processed_at,
                                       approval_status = EXCLUDED.approval_status, accepted_by = EXCLUDED.accepted_by,
                                       accepted_by_name = EXCLUDED.accepted_by_name, accepted_at = EXCLUDED.accepted_at,
                                       responded_by = EXCLUDED.responded_by, responded_by_name = EXCLUDED.responded_by_name,
                                       responded_at = EXCLUDED.responded_at, response_message = EXCLUDED.response_message,
                                       patron_reply = EXCLUDED.patron_reply, replied_at = EXCLUDED.replied_at, updated_at = now()
        """;

    private const string DeleteSongRequests = "UPDATE song_requests SET deleted_at = $3 WHERE venue_id = $1 AND id = ANY($2)";

    private const string AppendStreamEvent =
        "INSERT INTO stream_events (stream_id, seq, event_type, payload, audience, audience_payload) VALUES ($1, $2, $3, $4, $5, $6)";

    private const string NotifyStream = "SELECT pg_notify($1, $2)";

    private const string DeleteSongbook = "DELETE FROM songbook_entries WHERE venue_id = $1";

    // One statement for any number of songs: each column travels as one array.
    private const string InsertSongbook =
        """
        INSERT INTO songbook_entries (venue_id, line, artist, title, disc_id, language, tags)
        SELECT $1, line, artist, title, disc_id, language, string_to_array(tags, ';')
        FROM unnest($2::integer[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS song (line, artist, title, disc_id, language, tags)
        """;

    /// <summary>The commands for <paramref name="rows"/>, in order, then one NOTIFY per stream that got events.</summary>
    /// <param name="version">The state version the write commits (stamped on ledger rows).</param>
    public static IEnumerable<NpgsqlBatchCommand> For(IReadOnlyCollection<ISideRow> rows, long version)
    {
        foreach (var row in rows)
        {
            if (row is SongbookReplaced songbook)
            {
                yield return Command(DeleteSongbook, songbook.VenueId);
                yield return Songbook(songbook);
                continue;
            }

            yield return For(row, version);
        }

        foreach (var streamId in rows.OfType<StreamEventRow>().Select(e => e.StreamId).Distinct(StringComparer.Ordinal))
        {
            yield return Command(NotifyStream, EventStreamHub.NotificationChannel, streamId);
        }
    }

    private static NpgsqlBatchCommand For(ISideRow row, long version) => row switch
    {
        AuditRow audit => Command(
            InsertAudit,
            audit.Stamp.ActorId,
            audit.Stamp.ActorEmail,
            audit.Stamp.ActingAsId,
            audit.Stamp.ActingAsEmail,
            audit.Stamp.ActorRole,
            audit.Entry.CustomerId,
            audit.Entry.VenueId,
            audit.Entry.Action,
            audit.Entry.ResourceType,
            audit.Entry.ResourceId,
            Summary(audit.Entry.Before),
            Summary(audit.Entry.After),
            audit.Stamp.ClientAddress,
            audit.Stamp.RequestId),
        LedgerRow ledger => Command(
            InsertLedger,
            ledger.UserId,
            ledger.VenueId,
            ledger.Amount,
            ledger.Type,
            ledger.Description,
            ledger.OperationId,
            ledger.ActorId,
            ledger.BalanceAfter,
            version),
        PurchaseRow purchase => Command(
            UpsertPurchase,
            purchase.SessionId,
            purchase.WalletId,
            purchase.Purchase.Package,
            purchase.Purchase.Credits,
            purchase.Purchase.AmountCents,
            purchase.Purchase.Currency,
            purchase.Purchase.Status,
            purchase.Purchase.PaymentIntentId,
            purchase.Purchase.CreditsTakenBack,
            purchase.Purchase.CreatedAt,
            purchase.Purchase.CompletedAt,
            purchase.Purchase.RefundedAt),
        UserRow user => Command(
            UpsertUser, user.UserId, user.Email, user.Name, user.PlatformRole, user.CreatedAt, user.Phone,
            Jsonb(JsonSerializer.Serialize(user.NotificationPreferences, JsonSerializerOptions.Web))),
        OutboxMessageRow message => Command(
            InsertOutboxMessage, message.MessageId, message.Channel, message.Kind, message.UserId, message.Recipient, message.Preference,
            Jsonb(JsonSerializer.Serialize(message.Values, JsonSerializerOptions.Web))),
        NotificationRow notification => Command(
            InsertNotification, notification.NotificationId, notification.UserId, notification.Kind, notification.VenueId, notification.VenueName,
            notification.RequestId, notification.Title, notification.Artist, notification.SingerName, notification.Message, notification.CreatedAt),
        CustomerRow customer => Command(UpsertCustomer, customer.CustomerId, customer.Name, customer.CreatedAt),
        CustomerMemberRow member => Command(UpsertMember, member.CustomerId, member.UserId, member.Role, member.JoinedAt),
        CustomerMemberRemoved removed => Command(DeleteMember, removed.CustomerId, removed.UserId),
        VenueRow venue => Command(
            UpsertVenue, venue.VenueId, venue.CustomerId, venue.Slug, venue.Name, venue.Timezone, venue.Address, venue.CreatedAt, venue.UpdatedAt),
        VenueRetired retired => Command(RetireVenue, retired.VenueId, retired.At),
        SongRequestRow request => SongRequest(request.VenueId, request.Entry),
        SongRequestsDeleted deleted => Command(DeleteSongRequests, deleted.VenueId, deleted.RequestIds.ToArray(), deleted.At),
        StreamEventRow streamEvent => Command(
            AppendStreamEvent, streamEvent.StreamId, streamEvent.Sequence, streamEvent.EventType, Jsonb(streamEvent.PayloadJson),
            streamEvent.Audience, Jsonb(streamEvent.AudiencePayloadJson)),
        _ => throw new ArgumentException($"No storage for side rows of type {row.GetType().Name}.", nameof(row)),
    };

    private static NpgsqlBatchCommand Songbook(SongbookReplaced songbook) =>
        Command(
            InsertSongbook,
            songbook.VenueId,
            songbook.Rows.Select(r => r.Line).ToArray(),
            songbook.Rows.Select(r => r.Artist).ToArray(),
            songbook.Rows.Select(r => r.Title).ToArray(),
            songbook.Rows.Select(r => r.DiscId).ToArray(),
            songbook.Rows.Select(r => r.Language).ToArray(),
            songbook.Rows.Select(r => string.Join(';', r.Tags)).ToArray());

    private static NpgsqlBatchCommand SongRequest(Guid venueId, QueueEntry entry) =>
        Command(
            UpsertSongRequest,
            entry.Id,
            venueId,
            entry.RequestId,
            entry.PatronKey,
            entry.SubmittedByUserId,
            entry.RequestedBy,
            entry.Kind,
            entry.Title,
            entry.Artist,
            entry.KeyChange,
            entry.Notes,
            entry.SingerName,
            entry.YoutubeId,
            entry.DurationSeconds,
            entry.CreditsCost,
            entry.Priority,
            entry.Status,
            entry.RequestedAt,
            entry.StartedAt,
            entry.EndedAt,
            entry.Processed,
            entry.ProcessedAt,
            entry.QuotaPeriod,
            entry.Approval?.Status,
            entry.Approval?.AcceptedBy,
            entry.Approval?.AcceptedByName,
            entry.Approval?.AcceptedAt,
            entry.Approval?.RespondedBy,
            entry.Approval?.RespondedByName,
            entry.Approval?.RespondedAt,
            entry.Approval?.ResponseMessage,
            entry.Approval?.PatronReply,
            entry.Approval?.RepliedAt);

    private static NpgsqlBatchCommand Command(string sql, params object?[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddPositional(parameters);
        return command;
    }

    /// <summary>A parameter sent as jsonb.</summary>
    public static NpgsqlParameter Jsonb(string? json) => new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = (object?)json ?? DBNull.Value };

    private static NpgsqlParameter? Summary(object? value) =>
        value is null ? null : Jsonb(JsonSerializer.Serialize(value, value.GetType(), JsonSerializerOptions.Web));
}
