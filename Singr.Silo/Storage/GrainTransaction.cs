using Npgsql;
using NpgsqlTypes;

namespace Singr.Silo.Storage;

/// <summary>
/// The transaction a grain's state write runs in. Rows added here commit with the state or not at all.
/// Commands added with <see cref="Add"/> are sent together in one batch after the state row.
/// </summary>
public sealed class GrainTransaction
{
    private readonly List<NpgsqlBatchCommand> _commands = [];

    internal GrainTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, long version)
    {
        Connection = connection;
        Transaction = transaction;
        Version = version;
    }

    /// <summary>The state version this transaction commits: unique per grain, so usable as a sequence for its rows.</summary>
    public long Version { get; }

    /// <summary>For the rare grain that must read inside its own write; prefer <see cref="Add"/>.</summary>
    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    /// <summary>Queues a command with positional parameters ($1, $2, …). Pass an <see cref="NpgsqlParameter"/> to set a type.</summary>
    public void Add(string sql, params object?[] parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddPositional(parameters);
        _commands.Add(command);
    }

    /// <summary>
    /// Appends event <paramref name="sequence"/> to a stream and wakes its subscribers in every process once this
    /// transaction commits. The grain numbers its events (1, 2, 3, … with no gaps): it is the stream's only writer.
    /// </summary>
    public void AppendEvent(string streamId, long sequence, string eventType, string payloadJson)
    {
        Add(
            "INSERT INTO stream_events (stream_id, seq, event_type, payload) VALUES ($1, $2, $3, $4)",
            streamId,
            sequence,
            eventType,
            Jsonb(payloadJson));
        Add("SELECT pg_notify($1, $2)", Streams.EventStreamHub.NotificationChannel, streamId);
    }

    /// <summary>A parameter sent as jsonb.</summary>
    public static NpgsqlParameter Jsonb(string json) => new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = json };

    /// <summary>
    /// Sends <paramref name="stateRow"/> and then every added command in one batch: one round trip for the whole write.
    /// </summary>
    /// <returns>The rows the state row affected (0 when its version check failed; the caller then rolls back).</returns>
    internal async Task<int> ExecuteWithAsync(NpgsqlBatchCommand stateRow, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(Connection, Transaction);
        batch.BatchCommands.Add(stateRow);
        foreach (var command in _commands)
        {
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        return stateRow.RecordsAffected;
    }
}
