using Npgsql;
using Singr.Silo.Hosting;
using Singr.Silo.Runtime;
using Singr.Silo.Storage;

namespace Singr.Silo.Cluster;

/// <summary>
/// The grain_directory table: which silo hosts each active grain. The first writer wins; a row is taken over only from
/// a silo that is no longer live, or replaced by its own silo (whose catalog is the authority on its activations).
/// Only a silo that is active in the membership table may register.
/// </summary>
internal sealed class GrainDirectory(NpgsqlDataSource dataSource, SiloIdentity silo, SiloOptions options)
{
    private const string RegisterSql =
        "INSERT INTO grain_directory AS d (grain_type, grain_key, silo_id, activation_id) " +
        "SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM silo_membership WHERE silo_id = $3 AND status = 'active' FOR KEY SHARE) " +
        "ON CONFLICT (grain_type, grain_key) DO UPDATE SET silo_id = excluded.silo_id, activation_id = excluded.activation_id, registered_at = now() " +
        "WHERE d.silo_id = excluded.silo_id OR NOT EXISTS (" +
        "  SELECT 1 FROM silo_membership m WHERE m.silo_id = d.silo_id AND m.status IN ('joining', 'active', 'shutting_down')) " +
        "RETURNING silo_id";

    private const string OwnerSql = "SELECT silo_id FROM grain_directory WHERE grain_type = $1 AND grain_key = $2";

    public async Task RegisterAsync(GrainActivation activation, CancellationToken cancellationToken)
    {
        if (!options.UseGrainDirectory)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(RegisterSql);
        command.Parameters.AddPositional(activation.GrainId.Type, activation.GrainId.Key, silo.SiloId, activation.ActivationId);
        if (await command.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        await using var ownerCommand = dataSource.CreateCommand(OwnerSql);
        ownerCommand.Parameters.AddPositional(activation.GrainId.Type, activation.GrainId.Key);
        if (await ownerCommand.ExecuteScalarAsync(cancellationToken) is Guid owner && owner != silo.SiloId)
        {
            throw new NotOwnerException(activation.GrainId, owner);
        }

        // No row was written and none names another owner: this silo is not active in the membership table any more.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        throw SiloStatusCheck.RefusalFor(await SiloStatusCheck.ReadAsync(connection, null, silo, cancellationToken), silo);
    }

    public async Task UnregisterAsync(GrainActivation activation, CancellationToken cancellationToken)
    {
        if (!options.UseGrainDirectory)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(
            "DELETE FROM grain_directory WHERE grain_type = $1 AND grain_key = $2 AND activation_id = $3");
        command.Parameters.AddPositional(activation.GrainId.Type, activation.GrainId.Key, activation.ActivationId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> CountRowsOfThisSiloAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM grain_directory WHERE silo_id = $1");
        command.Parameters.AddPositional(silo.SiloId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
