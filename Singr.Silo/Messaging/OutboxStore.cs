using System.Text.Json;
using Npgsql;
using Singr.Silo.Storage;

namespace Singr.Silo.Messaging;

/// <summary>
/// The outbox table's life cycle: claim due messages (FOR UPDATE SKIP LOCKED, so any number of workers share it),
/// mark each step, release what a dead worker held, prune by age and count. Every time comes from the caller's clock.
/// </summary>
public sealed class OutboxStore(NpgsqlDataSource dataSource)
{
    private const string ClaimSql =
        """
        UPDATE outbox_messages m
        SET status = 'claimed', claimed_by = $1, claimed_until = $2 + $4, attempts = m.attempts + 1, updated_at = $2
        FROM (SELECT id FROM outbox_messages WHERE status = 'pending' AND next_attempt_at <= $2
              ORDER BY next_attempt_at, created_at LIMIT $3 FOR UPDATE SKIP LOCKED) due
        WHERE m.id = due.id
        RETURNING m.id, m.channel, m.kind, m.user_id, m.recipient, m.preference, m.template_values::text, m.attempts
        """;

    private const string RecipientSql =
        "SELECT email, phone, (notification_preferences -> $2 ->> $3)::boolean FROM users WHERE id = $1";

    // The advisory lock serialises the count and the mark for one recipient and channel, so ten workers at once
    // cannot each see nine sent and send the eleventh.
    private const string LockRecipientSql = "SELECT pg_advisory_xact_lock(hashtextextended($1, 7))";

    private const string SentWithinHourSql =
        """
        SELECT count(*) FROM outbox_messages
        WHERE status IN ('sent', 'sending') AND channel = $1 AND sent_at > $4 - interval '1 hour' AND id <> $5
          AND (user_id = $2 OR ($2::uuid IS NULL AND user_id IS NULL AND recipient = $3))
        """;

    private const string MarkSendingSql =
        """
        UPDATE outbox_messages SET status = 'sending', sent_at = $3, claimed_until = $3 + $4, updated_at = $3
        WHERE id = $1 AND status = 'claimed' AND claimed_by = $2
        """;

    private const string MarkSentSql =
        """
        UPDATE outbox_messages
        SET status = 'sent', provider_message_id = $2, subject = $3, template_values = '{}', last_error = NULL,
            claimed_by = NULL, claimed_until = NULL, updated_at = $4
        WHERE id = $1 AND status = 'sending'
        """;

    private const string MarkAttemptFailedSql =
        """
        UPDATE outbox_messages
        SET status = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'pending' END,
            next_attempt_at = CASE WHEN attempts >= $3 THEN next_attempt_at ELSE $4 END,
            last_error = $2, sent_at = NULL, claimed_by = NULL, claimed_until = NULL, updated_at = $5
        WHERE id = $1 AND status IN ('claimed', 'sending')
        RETURNING status
        """;

    private const string MarkFailedSql =
        """
        UPDATE outbox_messages SET status = 'failed', last_error = $2, sent_at = NULL, claimed_by = NULL, claimed_until = NULL, updated_at = $3
        WHERE id = $1 AND status IN ('claimed', 'sending')
        """;

    private const string MarkSkippedSql =
        """
        UPDATE outbox_messages
        SET status = 'skipped', skip_reason = $2, template_values = '{}', claimed_by = NULL, claimed_until = NULL, updated_at = $3
        WHERE id = $1 AND status IN ('claimed', 'sending')
        """;

    // A claim that ran out before its message reached a provider is simply due again (that try did not count); one
    // that ran out while a provider had it may have gone out, so it is never sent again without a person deciding.
    private const string ReleaseClaimedSql =
        """
        UPDATE outbox_messages SET status = 'pending', attempts = greatest(attempts - 1, 0), claimed_by = NULL, claimed_until = NULL, updated_at = $1
        WHERE status = 'claimed' AND claimed_until < $1
        """;

    private const string ReleaseSendingSql =
        """
        UPDATE outbox_messages
        SET status = 'unconfirmed', last_error = 'The worker stopped while the provider had this message: it may have been sent.',
            claimed_by = NULL, claimed_until = NULL, updated_at = $1
        WHERE status = 'sending' AND claimed_until < $1
        """;

    private const string PruneCompletedByAgeSql = "DELETE FROM outbox_messages WHERE status IN ('sent', 'skipped') AND updated_at < $1 - $2";

    private const string PruneCompletedByCountSql =
        """
        DELETE FROM outbox_messages WHERE id IN (
            SELECT id FROM outbox_messages WHERE status IN ('sent', 'skipped') ORDER BY updated_at DESC, id OFFSET $1)
        """;

    private const string PruneFailedSql = "DELETE FROM outbox_messages WHERE status IN ('failed', 'unconfirmed') AND updated_at < $1 - $2";

    public async Task<IReadOnlyList<ClaimedMessage>> ClaimDueAsync(
        string workerId, DateTimeOffset now, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.AddPositional(workerId, now, limit, lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedMessage(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetGuidOrNull(3),
                reader.GetStringOrNull(4),
                reader.GetStringOrNull(5),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(6)) ?? [],
                reader.GetInt32(7)));
        }

        return claimed;
    }

    /// <returns>Null when the account no longer exists.</returns>
    public async Task<MessageRecipient?> FindRecipientAsync(Guid userId, string channel, string? preference, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(RecipientSql);
        command.Parameters.AddPositional(userId, preference ?? string.Empty, channel);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new MessageRecipient(reader.GetString(0), reader.GetStringOrNull(1), reader.IsDBNull(2) ? null : reader.GetBoolean(2));
    }

    /// <summary>
    /// Marks <paramref name="message"/> as handed to its provider, unless its recipient already had
    /// <paramref name="hourlyLimit"/> messages on its channel in the last hour (then it is skipped).
    /// </summary>
    public async Task<SendingVerdict> BeginSendingAsync(
        ClaimedMessage message, string address, string workerId, int hourlyLimit, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, LockRecipientSql, cancellationToken, $"{message.Channel}:{message.UserId?.ToString("N") ?? address}");
        await using (var count = new NpgsqlCommand(SentWithinHourSql, connection))
        {
            count.Parameters.AddPositional(message.Channel, SqlParameters.Uuid(message.UserId), message.Recipient ?? address, now, message.Id);
            if ((long)(await count.ExecuteScalarAsync(cancellationToken))! >= hourlyLimit)
            {
                await ExecuteAsync(connection, MarkSkippedSql, cancellationToken, message.Id, $"The recipient reached the limit of {hourlyLimit} {message.Channel} messages an hour.", now);
                await transaction.CommitAsync(cancellationToken);
                return SendingVerdict.OverLimit;
            }
        }

        var marked = await ExecuteAsync(connection, MarkSendingSql, cancellationToken, message.Id, workerId, now, lease);
        await transaction.CommitAsync(cancellationToken);
        return marked == 1 ? SendingVerdict.Send : SendingVerdict.NotHeld;
    }

    public Task MarkSentAsync(Guid id, string? providerMessageId, string subject, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(MarkSentSql, cancellationToken, id, providerMessageId, subject, now);

    /// <summary>Due again at <paramref name="retryAt"/>, or failed for good once <paramref name="maxAttempts"/> were made.</summary>
    /// <returns>The message's status now: <c>pending</c> or <c>failed</c> (null if it was no longer held).</returns>
    public async Task<string?> MarkAttemptFailedAsync(
        Guid id, string error, int maxAttempts, DateTimeOffset retryAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(MarkAttemptFailedSql);
        command.Parameters.AddPositional(id, Truncate(error), maxAttempts, retryAt, now);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Fails a message no retry can help (no template for its kind).</summary>
    public Task MarkFailedAsync(Guid id, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(MarkFailedSql, cancellationToken, id, Truncate(error), now);

    public Task MarkSkippedAsync(Guid id, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(MarkSkippedSql, cancellationToken, id, reason, now);

    /// <returns>How many claims were released (due again) and how many sends became unconfirmed.</returns>
    public async Task<(int Released, int Unconfirmed)> ReleaseExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ExecuteAsync(ReleaseClaimedSql, cancellationToken, now), await ExecuteAsync(ReleaseSendingSql, cancellationToken, now));

    public async Task<int> PruneAsync(DateTimeOffset now, TimeSpan completedRetention, int completedKept, TimeSpan failedRetention, CancellationToken cancellationToken) =>
        await ExecuteAsync(PruneCompletedByAgeSql, cancellationToken, now, completedRetention)
        + await ExecuteAsync(PruneCompletedByCountSql, cancellationToken, completedKept)
        + await ExecuteAsync(PruneFailedSql, cancellationToken, now, failedRetention);

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddPositional(parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddPositional(parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
