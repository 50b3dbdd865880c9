using System.Collections.Concurrent;

namespace Singr.Api.Hubs;

/// <summary>This process's hub connections, by connection id.</summary>
public sealed class LiveConnections
{
    private readonly ConcurrentDictionary<string, LiveConnection> _connections = new(StringComparer.Ordinal);

    public void Add(LiveConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connections[connection.ConnectionId] = connection;
    }

    public LiveConnection? Find(string connectionId) => _connections.GetValueOrDefault(connectionId);

    /// <summary>The connection a hub method was called on, counted against its calls-per-second allowance.</summary>
    public LiveConnection ForCall(string connectionId)
    {
        var connection = Find(connectionId) ?? throw HubErrors.Refused("NOT_CONNECTED", "The connection is closing.");
        return connection.TryInvoke()
            ? connection
            : throw HubErrors.Refused("RATE_LIMITED", "Too many calls on this connection; slow down.");
    }

    public async Task RemoveAsync(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out var connection))
        {
            await connection.DisposeAsync();
        }
    }

    public IReadOnlyList<LiveConnection> All => [.. _connections.Values];

    public int Count(string hub) => _connections.Values.Count(c => c.Hub == hub);
}
