using Npgsql;

namespace Singr.Fuzz.Tests;

/// <summary>
/// A checksum of everything Singr keeps (grain state, projections, ledger, audit, events); Orleans's membership and
/// reminder tables, which the cluster rewrites on its own, are left out. Equal checksums: nothing changed.
/// </summary>
public static class StateSnapshot
{
    private static readonly string[] Tables =
    [
        "grain_state", "users", "customers", "customer_members", "venues", "song_requests", "credit_transactions", "audit_log", "stream_events",
    ];

    /// <summary>Refusals the platform audits (<c>security.*</c>: a forged token, a failed sign-in) are not changes to what the caller keeps.</summary>
    private static readonly string Sql = string.Join(
        " || ",
        Tables.Select(t => $"(SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM {t} t{(t == "audit_log" ? " WHERE action NOT LIKE 'security.%'" : "")})"));

    public static async Task<string> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT {Sql}", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
