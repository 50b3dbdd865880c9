using System.Collections.Immutable;
using Npgsql;

namespace Singr.Silo.Cluster;

/// <summary>This process's picture of which silos are live and where they listen, reloaded periodically and on doubt.</summary>
internal sealed class ClusterMembershipView(NpgsqlDataSource dataSource) : IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private ImmutableArray<SiloEndpoint> _live = [];

    public ImmutableArray<SiloEndpoint> Live => ImmutableInterlocked.InterlockedCompareExchange(ref _live, _live, _live);

    public SiloEndpoint? Find(Guid siloId) => _live.FirstOrDefault(s => s.SiloId == siloId);

    public void Dispose() => _refreshing.Dispose();

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            await using var command = dataSource.CreateCommand(
                "SELECT silo_id, address FROM silo_membership WHERE status = 'active' ORDER BY silo_id");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var live = ImmutableArray.CreateBuilder<SiloEndpoint>();
            while (await reader.ReadAsync(cancellationToken))
            {
                if (Uri.TryCreate(reader.GetString(1), UriKind.Absolute, out var address))
                {
                    live.Add(new SiloEndpoint(reader.GetGuid(0), address));
                }
            }

            ImmutableInterlocked.InterlockedExchange(ref _live, live.ToImmutable());
        }
        finally
        {
            _refreshing.Release();
        }
    }
}
