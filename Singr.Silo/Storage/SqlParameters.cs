using Npgsql;
using NpgsqlTypes;

namespace Singr.Silo.Storage;

/// <summary>
/// Typed parameters for optional filters (<c>$n::type IS NULL OR …</c>): a null is sent as a typed NULL, so PostgreSQL
/// never has to guess its type.
/// </summary>
public static class SqlParameters
{
    public static NpgsqlParameter Uuid(Guid? value) => Typed(NpgsqlDbType.Uuid, value);

    public static NpgsqlParameter Text(string? value) => Typed(NpgsqlDbType.Text, value);

    public static NpgsqlParameter Flag(bool? value) => Typed(NpgsqlDbType.Boolean, value);

    public static NpgsqlParameter Time(DateTimeOffset? value) => Typed(NpgsqlDbType.TimestampTz, value?.ToUniversalTime());

    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere, its <c>%</c>, <c>_</c> and <c>\</c> taken literally.</summary>
    public static string Containing(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        return $"%{escaped}%";
    }

    private static NpgsqlParameter Typed(NpgsqlDbType type, object? value) => new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };
}
