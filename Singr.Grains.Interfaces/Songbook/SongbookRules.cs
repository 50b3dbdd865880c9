using Singr.Grains.Interfaces.Access;

namespace Singr.Grains.Interfaces.Songbook;

/// <summary>What makes a songbook row valid; the import is refused whole when any row is not, each problem by line.</summary>
public static class SongbookRules
{
    public const int MaxSongs = 50_000;
    public const int MaxTextLength = 200;
    public const int MaxDiscIdLength = 50;
    public const int MaxLanguageLength = 35;
    public const int MaxTags = 10;
    public const int MaxTagLength = 40;

    public static IReadOnlyList<FieldProblem> Check(SongbookRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var problems = new List<FieldProblem>();
        Text(problems, row.Line, "artist", row.Artist, MaxTextLength, required: true);
        Text(problems, row.Line, "title", row.Title, MaxTextLength, required: true);
        Text(problems, row.Line, "discId", row.DiscId, MaxDiscIdLength, required: false);
        Text(problems, row.Line, "language", row.Language, MaxLanguageLength, required: false);
        if (row.Tags.Count > MaxTags || row.Tags.Any(t => t.Length > MaxTagLength || t.Contains(';', StringComparison.Ordinal)))
        {
            problems.Add(new(FieldOf(row.Line, "tags"), $"At most {MaxTags} tags of at most {MaxTagLength} characters each."));
        }

        return problems;
    }

    /// <summary>How a row's problem is named: its line, then its field (<c>lines[12].title</c>).</summary>
    public static string FieldOf(int line, string field) => $"lines[{line}].{field}";

    private static void Text(List<FieldProblem> problems, int line, string field, string? value, int maxLength, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(FieldOf(line, field), $"Line {line}: the {field} is required."));
        }
        else if (value is { Length: var length } && length > maxLength)
        {
            problems.Add(new(FieldOf(line, field), $"Line {line}: at most {maxLength} characters."));
        }
    }
}
