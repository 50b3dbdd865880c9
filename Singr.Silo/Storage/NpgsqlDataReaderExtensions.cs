using Npgsql;

namespace Singr.Silo.Storage;

/// <summary>Nullable columns read as nullable values.</summary>
public static class NpgsqlDataReaderExtensions
{
    public static Guid? GetGuidOrNull(this NpgsqlDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);
    }

    public static string? GetStringOrNull(this NpgsqlDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    public static int? GetInt32OrNull(this NpgsqlDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);
    }

    /// <summary>A <c>timestamptz</c> column as a UTC <see cref="DateTimeOffset"/>.</summary>
    public static DateTimeOffset? GetTimeOrNull(this NpgsqlDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
    }
}
