using Npgsql;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Requests;
using Singr.Grains.Queue;

namespace Singr.Silo.Storage;

/// <summary>The venue's finished requests, from <c>song_requests</c>.</summary>
internal sealed class RequestArchive(NpgsqlDataSource dataSource) : IRequestArchive
{
    public async Task<List<QueueEntry>> LoadAsync(Guid venueId, IReadOnlyCollection<Guid> ids)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {SongRequestRows.Columns} FROM song_requests r WHERE r.venue_id = $1 AND r.id = ANY($2) AND r.deleted_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = venueId });
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<QueueEntry>();
        while (await reader.ReadAsync())
        {
            entries.Add(SongRequestRows.Read(reader));
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
}
