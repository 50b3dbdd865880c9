using Npgsql;
using Singr.Silo.Grains;
using Singr.Silo.Storage;

namespace Singr.Silo.Reminders;

/// <summary>The grain_reminders table. Claiming due reminders moves them to their next tick in the same statement, so
/// two silos polling at once never deliver one tick twice.</summary>
internal sealed class ReminderTable(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private const string ClaimDueSql =
        "WITH due AS (" +
        "  SELECT grain_type, grain_key, reminder_name, next_due_at FROM grain_reminders WHERE next_due_at <= now() " +
        "  ORDER BY next_due_at LIMIT $1 FOR UPDATE SKIP LOCKED) " +
        "UPDATE grain_reminders r SET next_due_at = CASE " +
        "    WHEN r.next_due_at + r.period > now() THEN r.next_due_at + r.period ELSE now() + r.period END " +
        "FROM due WHERE r.grain_type = due.grain_type AND r.grain_key = due.grain_key AND r.reminder_name = due.reminder_name " +
        "RETURNING r.grain_type, r.grain_key, r.reminder_name, due.next_due_at, r.period";

    public async Task RegisterOrUpdateAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO grain_reminders (grain_type, grain_key, reminder_name, next_due_at, period) VALUES ($1, $2, $3, $4, $5) " +
            "ON CONFLICT (grain_type, grain_key, reminder_name) DO UPDATE SET next_due_at = excluded.next_due_at, period = excluded.period");
        command.Parameters.AddPositional(grainId.Type, grainId.Key, name, timeProvider.GetUtcNow() + dueTime, period);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task UnregisterAsync(GrainId grainId, string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "DELETE FROM grain_reminders WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3");
        command.Parameters.AddPositional(grainId.Type, grainId.Key, name);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DueReminder>> ClaimDueAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClaimDueSql);
        command.Parameters.AddPositional(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<DueReminder>();
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new DueReminder(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetFieldValue<TimeSpan>(4)));
        }

        return due;
    }
}
