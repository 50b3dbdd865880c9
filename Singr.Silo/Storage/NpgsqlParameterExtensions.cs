using Npgsql;

namespace Singr.Silo.Storage;

/// <summary>Positional parameters ($1, $2, …) in order; an <see cref="NpgsqlParameter"/> passes through to keep its type.</summary>
internal static class NpgsqlParameterExtensions
{
    public static void AddPositional(this NpgsqlParameterCollection parameters, params object?[] values)
    {
        foreach (var value in values)
        {
            parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }
}
