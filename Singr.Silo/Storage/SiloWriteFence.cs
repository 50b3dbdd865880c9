using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Singr.Silo.Storage;

/// <summary>
/// Only a silo the cluster still lists as active (or draining) may commit grain state. Every state write holds this
/// silo's membership row <c>FOR KEY SHARE</c> while it checks the status, and declaring a silo dead locks that row
/// <c>FOR UPDATE</c> (migration 0008's membership update), so once a silo is declared dead nothing more of it commits.
/// </summary>
internal sealed class SiloWriteFence(ILocalSiloDetails silo, IOptions<ClusterOptions> cluster)
{
    /// <summary>Active, ShuttingDown and Stopping (Orleans's <c>SiloStatus</c> 3, 4, 5): a draining silo still hands its grains over.</summary>
    private static readonly int[] StatusesThatMayWrite = [(int)SiloStatus.Active, (int)SiloStatus.ShuttingDown, (int)SiloStatus.Stopping];

    public static bool MayWrite(SiloStatus status) => StatusesThatMayWrite.Contains((int)status);

    /// <summary>A condition over parameters <c>$n</c>… <c>$n+4</c>, which <see cref="AddParameters"/> supplies.</summary>
    public static string Condition(int firstParameter) =>
        $"""
        EXISTS (SELECT 1 FROM orleans_membership
                WHERE deployment_id = ${firstParameter} AND address = ${firstParameter + 1} AND port = ${firstParameter + 2}
                  AND generation = ${firstParameter + 3} AND status = ANY(${firstParameter + 4}) FOR KEY SHARE)
        """;

    public void AddParameters(NpgsqlParameterCollection parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.AddPositional(
            cluster.Value.ClusterId,
            silo.SiloAddress.Endpoint.Address.ToString(),
            silo.SiloAddress.Endpoint.Port,
            silo.SiloAddress.Generation,
            StatusesThatMayWrite);
    }

    /// <summary>This silo's status as the membership table has it now; null when it has no row.</summary>
    public async Task<SiloStatus?> ReadStatusAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            "SELECT status FROM orleans_membership WHERE deployment_id = $1 AND address = $2 AND port = $3 AND generation = $4",
            connection);
        command.Parameters.AddPositional(
            cluster.Value.ClusterId,
            silo.SiloAddress.Endpoint.Address.ToString(),
            silo.SiloAddress.Endpoint.Port,
            silo.SiloAddress.Generation);
        var status = await command.ExecuteScalarAsync(cancellationToken);
        return status is null or DBNull ? null : (SiloStatus)Convert.ToInt32(status, System.Globalization.CultureInfo.InvariantCulture);
    }

    public override string ToString() => silo.SiloAddress.ToString();
}
