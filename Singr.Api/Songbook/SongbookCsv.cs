using System.Text;
using Singr.Api.Http;
using Singr.Grains.Interfaces.Songbook;

namespace Singr.Api.Songbook;

/// <summary>
/// Reads a songbook CSV (RFC 4180: a header row, commas, fields quoted with <c>"</c> where they hold commas, quotes or
/// line breaks). Columns by header, in any order, case and punctuation ignored: <c>artist</c> and <c>title</c>
/// required; <c>disc_id</c> (or <c>disc</c>, <c>track_id</c>, <c>song_id</c>), <c>language</c> and <c>tags</c>
/// (separated by <c>;</c> or <c>|</c>) optional; any other column is ignored, as karaoke software exports many.
/// </summary>
public static class SongbookCsv
{
    private static readonly string[] DiscIdNames = ["discid", "disc", "trackid", "songid", "id"];

    public sealed record Result(IReadOnlyList<SongbookRow> Rows, IReadOnlyList<ApiErrorDetail> Problems);

    public static Result Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = Records(text).ToList();
        if (records.Count == 0)
        {
            return new([], [new("lines[1]", "The first line names the columns: artist,title and optionally disc_id,language,tags.")]);
        }

        var (headerLine, header) = records[0];
        var columns = header.Select(Normalise).ToList();
        int Column(params string[] names) => columns.FindIndex(names.Contains);
        var artist = Column("artist");
        var title = Column("title");
        if (artist < 0 || title < 0)
        {
            return new([], [new($"lines[{headerLine}]", "The first line must name an artist and a title column.")]);
        }

        var discId = Column(DiscIdNames);
        var language = Column("language", "lang");
        var tags = Column("tags", "tag");
        var rows = new List<SongbookRow>(records.Count - 1);
        var problems = new List<ApiErrorDetail>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (fields.Any(f => !StorableText.IsStorable(f)))
            {
                problems.Add(new(SongbookRules.FieldOf(line, "text"), $"Line {line}: has a character that cannot be stored (NUL or half a surrogate pair)."));
                continue;
            }

            rows.Add(new SongbookRow(
                line,
                Field(fields, artist) ?? string.Empty,
                Field(fields, title) ?? string.Empty,
                Field(fields, discId),
                Field(fields, language),
                Field(fields, tags)?.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []));
        }

        return new(rows, problems);
    }

    private static string? Field(List<string> fields, int column) =>
        column >= 0 && column < fields.Count && fields[column].Trim() is { Length: > 0 } value ? value : null;

    private static string Normalise(string name) => new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    /// <summary>Each record with the line it starts on (a quoted field may span lines).</summary>
    private static IEnumerable<(int Line, List<string> Fields)> Records(string text)
    {
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        while (position < text.Length)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var endOfRecord = false;
            while (position < text.Length && !endOfRecord)
            {
                var c = text[position++];
                if (quoted)
                {
                    if (c == '"' && position < text.Length && text[position] == '"')
                    {
                        field.Append('"');
                        position++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        line += c == '\n' ? 1 : 0;
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (c is '\n' or '\r')
                {
                    if (c == '\r' && position < text.Length && text[position] == '\n')
                    {
                        position++;
                    }

                    line++;
                    endOfRecord = true;
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
