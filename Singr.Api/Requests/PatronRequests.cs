using Npgsql;
using Singr.Grains.Interfaces.Queue;

namespace Singr.Api.Requests;

/// <summary>A patron's own requests at a venue tonight, from the requests projection, with their place in the queue.</summary>
public sealed class PatronRequests(NpgsqlDataSource dataSource)
{
    public const int Listed = 50;

    /// <summary>How far back "tonight" reaches.</summary>
    public static readonly TimeSpan Tonight = TimeSpan.FromHours(12);

    private const string Mine =
        """
        SELECT id, kind, title, artist, singer_name, status, created_at, response_message
        FROM song_requests
        WHERE venue_id = $1 AND patron_key = $2 AND deleted_at IS NULL AND created_at > now() - $3::interval
        ORDER BY created_at DESC
        LIMIT $4
        """;

    public async Task<IReadOnlyList<MyRequest>> OfAsync(Guid venueId, string patronKey, QueueSnapshot queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var queued = queue.Items.ToDictionary(i => i.Id);
        await using var command = dataSource.CreateCommand(Mine);
        command.Parameters.Add(new NpgsqlParameter { Value = venueId });
        command.Parameters.Add(new NpgsqlParameter { Value = patronKey });
        command.Parameters.Add(new NpgsqlParameter { Value = Tonight });
        command.Parameters.Add(new NpgsqlParameter { Value = Listed });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var mine = new List<MyRequest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            var waiting = queued.GetValueOrDefault(id);
            mine.Add(new MyRequest(
                id,
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                waiting?.Position,
                waiting?.EstimatedStartAt,
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return mine;
    }
}
