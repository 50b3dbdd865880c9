using Npgsql;
using Singr.Silo.Storage;

namespace Singr.Silo.Cluster;

/// <summary>
/// A small connection pool of its own for heartbeats and failure detection, so a silo busy with grain traffic (its
/// main pool exhausted) still heartbeats on time instead of being declared dead for being busy.
/// </summary>
internal sealed class MembershipDataSource : IDisposable
{
    public MembershipDataSource(DatabaseConnectionString main)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(main.Value)
        {
            MaxPoolSize = 3,
            MinPoolSize = 1,
            ApplicationName = "singr-membership",
        };
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public NpgsqlDataSource DataSource { get; }

    public void Dispose() => DataSource.Dispose();
}
