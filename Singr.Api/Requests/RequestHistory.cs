using Npgsql;
using Singr.Silo.Storage;

namespace Singr.Api.Requests;

/// <summary>Reads the song request projection the venue grains write: history and regulars for hosts.</summary>
public sealed class RequestHistory(NpgsqlDataSource dataSource)
{
    private const string SongsSql =
        """
        SELECT min(artist), min(title), count(*)::int FROM song_requests
        WHERE venue_id = $1 AND created_at >= $2 AND created_at < $3
        GROUP BY lower(coalesce(artist, '')), lower(title)
        ORDER BY count(*) DESC, max(created_at) DESC LIMIT $4
        """;

    private const string PatronsSql =
        """
        SELECT (array_agg(requested_by_name ORDER BY created_at DESC))[1], count(*)::int FROM song_requests
        WHERE venue_id = $1 AND created_at >= $2 AND created_at < $3
        GROUP BY patron_key
        ORDER BY count(*) DESC, max(created_at) DESC LIMIT $4
        """;

    public async Task<(IReadOnlyList<TopSong> Songs, IReadOnlyList<TopPatron> Patrons)> TopAsync(
        Guid venueId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(SongsSql, venueId, from, to, limit));
        batch.BatchCommands.Add(Command(PatronsSql, venueId, from, to, limit));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var songs = new List<TopSong>();
        while (await reader.ReadAsync(cancellationToken))
        {
            songs.Add(new TopSong(reader.GetStringOrNull(0), reader.GetString(1), reader.GetInt32(2)));
        }

        await reader.NextResultAsync(cancellationToken);
        var patrons = new List<TopPatron>();
        while (await reader.ReadAsync(cancellationToken))
        {
            patrons.Add(new TopPatron(reader.GetString(0), reader.GetInt32(1)));
        }

        return (songs, patrons);
    }

    private static NpgsqlBatchCommand Command(string sql, Guid venueId, DateTimeOffset from, DateTimeOffset to, int limit) => new(sql)
    {
        Parameters =
        {
            new NpgsqlParameter { Value = venueId },
            new NpgsqlParameter { Value = from.ToUniversalTime() },
            new NpgsqlParameter { Value = to.ToUniversalTime() },
            new NpgsqlParameter { Value = limit },
        },
    };
}
