using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;
using Singr.Silo.Storage;

namespace Singr.Silo.Streams;

/// <summary>This process's stream subscriptions, woken by NOTIFY (<see cref="StreamNotificationListener"/>) and by polling.</summary>
internal sealed class EventStreamHub(NpgsqlDataSource dataSource, ILogger<EventStreamHub> logger) : IEventStreams
{
    public const string NotificationChannel = "singr_stream_events";

    private const string ReadSql =
        """
        SELECT seq, event_type, payload::text, created_at, audience, audience_payload::text FROM stream_events
        WHERE stream_id = $1 AND seq > $2 ORDER BY seq LIMIT $3
        """;

    private const string HighestSql =
        "SELECT stream_id, max(seq) FROM stream_events WHERE stream_id = ANY($1) GROUP BY stream_id";

    private readonly ConcurrentDictionary<string, StreamFeed> _feeds = new(StringComparer.Ordinal);

    public Task<IAsyncDisposable> SubscribeAsync(
        string streamId,
        long afterSequence,
        Func<StreamEvent, CancellationToken, Task> onEvent,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(onEvent);
        var feed = _feeds.GetOrAdd(streamId, id => new StreamFeed(id, this, logger));
        var subscription = feed.Add(afterSequence, onEvent);
        feed.Wake();
        return Task.FromResult<IAsyncDisposable>(subscription);
    }

    public async Task<IReadOnlyList<StreamEvent>> ReadAsync(string streamId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ReadSql);
        command.Parameters.AddPositional(streamId, afterSequence, limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StreamEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StreamEvent(
                streamId, reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetStringOrNull(4), reader.GetStringOrNull(5)));
        }

        return events;
    }

    /// <summary>A NOTIFY said the stream has new events.</summary>
    public void Notified(string streamId)
    {
        if (_feeds.TryGetValue(streamId, out var feed))
        {
            feed.Wake();
        }
    }

    /// <summary>After (re)connecting the listener, notifications may have been missed: every feed reads again.</summary>
    public void WakeAll()
    {
        foreach (var feed in _feeds.Values)
        {
            feed.Wake();
        }
    }

    /// <summary>The safety net for lost notifications: wakes every feed whose stream has events it has not read.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        var feeds = _feeds.Values.ToList();
        if (feeds.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(HighestSql);
        command.Parameters.AddPositional([feeds.Select(f => f.StreamId).ToArray()]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (_feeds.TryGetValue(reader.GetString(0), out var feed) && reader.GetInt64(1) > feed.HighestSeen)
            {
                feed.Wake();
            }
        }
    }

    public void ForgetIfEmpty(StreamFeed feed)
    {
        if (feed.IsEmpty)
        {
            _feeds.TryRemove(KeyValuePair.Create(feed.StreamId, feed));
        }
    }
}
