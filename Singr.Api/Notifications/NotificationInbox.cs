using Npgsql;
using Singr.Api.Http;
using Singr.Silo.Storage;

namespace Singr.Api.Notifications;

/// <summary>
/// A user's inbox: the notifications the venue grains write beside their state, newest first, leaving out the kinds
/// whose in-app choice the user switched off (read from the <c>users</c> projection of their choices). The read mark
/// is the inbox's own: only its owner sets it, with one conditional UPDATE, and no grain's state depends on it, so
/// it is set here rather than through a grain.
/// </summary>
public sealed class NotificationInbox(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Shown in the inbox: the user's, of a kind whose in-app choice is not off ($1 is the user).</summary>
    private const string Visible =
        """
        n.user_id = $1 AND n.kind <> ALL (
            SELECT p.key FROM users u, jsonb_each(u.notification_preferences) p WHERE u.id = $1 AND p.value ->> 'inApp' = 'false')
        """;

    private const string Columns =
        "n.id, n.kind, v.slug, n.venue_name, n.request_id, n.title, n.artist, n.singer_name, n.message, n.created_at, n.read_at";

    private const string VenueJoin = "LEFT JOIN venues v ON v.id = n.venue_id AND v.deleted_at IS NULL";

    private const string UnreadSql = $"SELECT count(*) FROM notifications n WHERE {Visible} AND n.read_at IS NULL";

    public async Task<NotificationInboxPage> ListAsync(Guid userId, bool unreadOnly, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var filter = unreadOnly ? $"{Visible} AND n.read_at IS NULL" : Visible;
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command($"SELECT count(*) FROM notifications n WHERE {filter}", userId));
        batch.BatchCommands.Add(Command(UnreadSql, userId));
        batch.BatchCommands.Add(Command(
            $"SELECT {Columns} FROM notifications n {VenueJoin} WHERE {filter} ORDER BY n.created_at DESC, n.id DESC LIMIT $2 OFFSET $3",
            userId, page.Limit, page.Offset));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var unread = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<NotificationView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        var listed = page.Of(items, total);
        return new NotificationInboxPage(listed.Items, listed.Pagination, unread);
    }

    /// <summary>Marks the user's notification read (once: a second time keeps the first time); null when they have none with this id.</summary>
    public async Task<NotificationReadReply?> MarkReadAsync(Guid userId, Guid notificationId, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(
            $"""
            WITH marked AS (
                UPDATE notifications SET read_at = coalesce(read_at, $3) WHERE user_id = $1 AND id = $2
                RETURNING id, kind, venue_id, venue_name, request_id, title, artist, singer_name, message, created_at, read_at)
            SELECT {Columns} FROM marked n {VenueJoin}
            """,
            userId, notificationId, clock.GetUtcNow()));
        batch.BatchCommands.Add(Command(UnreadSql, userId));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var notification = Read(reader);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new NotificationReadReply(notification, reader.GetInt64(0));
    }

    /// <summary>Marks every unread notification of the user read.</summary>
    public async Task<NotificationsMarkedRead> MarkAllReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(
            "WITH marked AS (UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL RETURNING 1) SELECT count(*) FROM marked",
            userId, clock.GetUtcNow()));
        batch.BatchCommands.Add(Command(UnreadSql, userId));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var marked = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new NotificationsMarkedRead(marked, reader.GetInt64(0));
    }

    private static NotificationView Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetStringOrNull(2),
        reader.GetString(3),
        reader.GetGuid(4),
        reader.GetString(5),
        reader.GetStringOrNull(6),
        reader.GetStringOrNull(7),
        reader.GetStringOrNull(8),
        reader.GetFieldValue<DateTimeOffset>(9),
        reader.GetTimeOrNull(10));

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value is DateTimeOffset at ? at.ToUniversalTime() : value });
        }

        return command;
    }
}
