using System.Collections.Concurrent;
using Npgsql;
using Singr.Silo.Grains;
using Singr.Silo.Storage;

namespace Singr.Silo.Cluster;

/// <summary>
/// Finds the silo a call should go to: the silo the directory says hosts the grain (remembered in a local cache that
/// forwarding misses invalidate), or, for a grain active nowhere, the silo rendezvous placement picks among live silos.
/// </summary>
internal sealed class GrainLocator(NpgsqlDataSource dataSource, ClusterMembershipView membership)
{
    private const string OwnerSql =
        "SELECT d.silo_id FROM grain_directory d JOIN silo_membership m ON m.silo_id = d.silo_id " +
        "WHERE d.grain_type = $1 AND d.grain_key = $2 AND m.status = 'active'";

    private readonly ConcurrentDictionary<GrainId, Guid> _owners = new();

    /// <returns>Null when no live silo (other than <paramref name="excluded"/>) is known.</returns>
    public async Task<GrainLocation?> LocateAsync(GrainId grainId, Guid? excluded, CancellationToken cancellationToken)
    {
        if (_owners.TryGetValue(grainId, out var cachedOwner) && cachedOwner != excluded)
        {
            var cached = membership.Find(cachedOwner);
            if (cached is not null)
            {
                return new GrainLocation(cached, IsPlacement: false);
            }

            _owners.TryRemove(grainId, out _);
        }

        var owner = await ReadOwnerAsync(grainId, cancellationToken);
        if (owner is { } ownerId && ownerId != excluded)
        {
            var endpoint = membership.Find(ownerId);
            if (endpoint is null)
            {
                await membership.RefreshAsync(cancellationToken);
                endpoint = membership.Find(ownerId);
            }

            if (endpoint is not null)
            {
                _owners[grainId] = ownerId;
                return new GrainLocation(endpoint, IsPlacement: false);
            }
        }

        var candidates = membership.Live.Where(s => s.SiloId != excluded).ToList();
        if (candidates.Count == 0)
        {
            await membership.RefreshAsync(cancellationToken);
            candidates = [.. membership.Live.Where(s => s.SiloId != excluded)];
        }

        return RendezvousPlacement.Choose(grainId, candidates) is { } placed ? new GrainLocation(placed, IsPlacement: true) : null;
    }

    public void Remember(GrainId grainId, Guid siloId) => _owners[grainId] = siloId;

    public void Forget(GrainId grainId) => _owners.TryRemove(grainId, out _);

    private async Task<Guid?> ReadOwnerAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(OwnerSql);
        command.Parameters.AddPositional(grainId.Type, grainId.Key);
        return await command.ExecuteScalarAsync(cancellationToken) as Guid?;
    }
}
