using Npgsql;
using Singr.Silo.Runtime;
using Singr.Silo.Storage;

namespace Singr.Silo.Cluster;

/// <summary>
/// Why this silo may not register a grain or write: declared dead by the others (fenced: stop hosting at once), or
/// only leaving or not yet joined (the call goes to another silo, and this one carries on with its drain).
/// </summary>
internal static class SiloStatusCheck
{
    public const string StatusSql = "SELECT status FROM silo_membership WHERE silo_id = $1";

    public static async Task<string?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, SiloIdentity silo, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(StatusSql, connection, transaction);
        command.Parameters.AddPositional(silo.SiloId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public static Exception RefusalFor(string? status, SiloIdentity silo) => status switch
    {
        null or "dead" => new SiloFencedException(silo.SiloId),
        _ => new SiloUnavailableException($"Silo {silo.SiloId} is {status}; it takes no new grains or writes."),
    };
}
