using System.Text;
using Npgsql;

namespace Singr.Api.Songbook;

/// <summary>
/// Finds songs in a venue's songbook by the beginnings of words of the artist and title (full-text) and by spelling
/// (trigram word similarity), so "bohem", "bohemain rhapsody" and "bohemain rhap" all find Queen. Best first: songs
/// where every word matches, then the closest spelling, then those matching most words.
/// </summary>
public sealed class SongbookSearch(NpgsqlDataSource dataSource)
{
    public const int MaxQueryLength = 100;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    private const string Search =
        """
        SELECT id, artist, title, disc_id, language, tags
        FROM songbook_entries
        WHERE venue_id = $1 AND (($3::text IS NOT NULL AND search_words @@ to_tsquery('simple', $3)) OR $4 <% search_text)
        ORDER BY ($2::text IS NOT NULL AND search_words @@ to_tsquery('simple', $2)) DESC,
                 word_similarity($4, search_text) DESC,
                 ts_rank(search_words, to_tsquery('simple', coalesce($3, ''))) DESC,
                 artist, title
        LIMIT $5
        """;

    private const string Find = "SELECT id, artist, title, disc_id, language, tags FROM songbook_entries WHERE venue_id = $1 AND id = $2";

    public async Task<IReadOnlyList<SongbookSong>> SearchAsync(Guid venueId, string query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = dataSource.CreateCommand(Search);
        var words = Words(query);
        command.Parameters.Add(new NpgsqlParameter { Value = venueId });
        command.Parameters.Add(Text(words.Count == 0 ? null : string.Join(" & ", words)));
        command.Parameters.Add(Text(words.Count == 0 ? null : string.Join(" | ", words)));
        command.Parameters.Add(new NpgsqlParameter { Value = query.Trim().ToLowerInvariant() });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<SongbookSong?> FindAsync(Guid venueId, Guid songId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Find);
        command.Parameters.Add(new NpgsqlParameter { Value = venueId });
        command.Parameters.Add(new NpgsqlParameter { Value = songId });
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// <c>bohemian:*</c> and <c>rhap:*</c> from "Bohemian Rhap": words of letters and digits only, so nothing a patron
    /// types is read as tsquery syntax.
    /// </summary>
    internal static List<string> Words(string query)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in query.ToLowerInvariant().Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word + ":*");
                word.Clear();
            }
        }

        return words;
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text };

    private static async Task<IReadOnlyList<SongbookSong>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var songs = new List<SongbookSong>();
        while (await reader.ReadAsync(cancellationToken))
        {
            songs.Add(new SongbookSong(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetFieldValue<string[]>(5)));
        }

        return songs;
    }
}
