using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Singr.Api.Access;

namespace Singr.Api.Hubs;

/// <summary>
/// One hub connection's outgoing events: a bounded buffer drained in order by one pump. When the client falls so far
/// behind that the buffer is full, the connection is aborted instead of growing memory; the client resumes from its
/// last sequence number.
/// </summary>
public sealed class LiveConnection : IAsyncDisposable
{
    private readonly Channel<(string Method, JsonElement Payload)> _outgoing;
    private readonly HubCallerContext _context;
    private readonly IClientProxy _client;
    private readonly Dictionary<string, IAsyncDisposable> _subscriptions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Task _pump;
    private readonly int _invocationsPerSecond;
    private long _windowStart;
    private int _invocationsInWindow;

    public LiveConnection(string hub, HubCallerContext context, IClientProxy client, Caller caller, int bufferEvents, int invocationsPerSecond)
    {
        Hub = hub;
        _context = context;
        _client = client;
        Caller = caller;
        _invocationsPerSecond = invocationsPerSecond;
        _outgoing = Channel.CreateBounded<(string, JsonElement)>(new BoundedChannelOptions(bufferEvents) { SingleReader = true });
        _pump = Task.Run(PumpAsync);
    }

    public string Hub { get; }

    public string ConnectionId => _context.ConnectionId;

    public Caller Caller { get; }

    /// <summary>Queues an event; false (and the connection is aborted) when the client is too far behind.</summary>
    public bool Send(string method, JsonElement payload)
    {
        if (_outgoing.Writer.TryWrite((method, payload)))
        {
            return true;
        }

        _context.Abort();
        return false;
    }

    /// <summary>A simple one-second window per connection for hub method calls.</summary>
    public bool TryInvoke()
    {
        var now = Environment.TickCount64;
        lock (_gate)
        {
            if (now - _windowStart >= 1000)
            {
                _windowStart = now;
                _invocationsInWindow = 0;
            }

            return ++_invocationsInWindow <= _invocationsPerSecond;
        }
    }

    public void Abort() => _context.Abort();

    public async Task ReplaceSubscriptionAsync(string streamId, IAsyncDisposable subscription)
    {
        IAsyncDisposable? previous;
        lock (_gate)
        {
            _subscriptions.Remove(streamId, out previous);
            _subscriptions[streamId] = subscription;
        }

        if (previous is not null)
        {
            await previous.DisposeAsync();
        }
    }

    public async Task<bool> UnsubscribeAsync(string streamId)
    {
        IAsyncDisposable? subscription;
        lock (_gate)
        {
            _subscriptions.Remove(streamId, out subscription);
        }

        if (subscription is null)
        {
            return false;
        }

        await subscription.DisposeAsync();
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        List<IAsyncDisposable> subscriptions;
        lock (_gate)
        {
            subscriptions = [.. _subscriptions.Values];
            _subscriptions.Clear();
        }

        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }

        _outgoing.Writer.TryComplete();
        await _pump;
    }

    private async Task PumpAsync()
    {
        await foreach (var (method, payload) in _outgoing.Reader.ReadAllAsync())
        {
            try
            {
                await _client.SendAsync(method, payload, _context.ConnectionAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
