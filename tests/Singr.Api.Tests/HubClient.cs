using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Singr.Api.Tests;

/// <summary>
/// A hub connection through the .NET SignalR client (JSON protocol) that records every event the Singr hubs send, in
/// arrival order, each with its one argument as a <see cref="JsonElement"/>; calls are answered as a
/// <see cref="HubCompletion"/> (the result, or the error the hub refused with).
/// </summary>
/// <remarks>
/// The .NET client only delivers events it has a handler for, so this listens to every target the hubs send
/// (<see cref="Targets"/>). The client logs anything else it drops (an unknown target, arguments it could not bind);
/// this catches those logs and fails the test on its next read, so a "this never arrived" assertion cannot pass
/// because the client threw the event away.
/// </remarks>
internal sealed class HubClient : IHubEvents, IAsyncDisposable
{
    /// <summary>Every client method <c>/hubs/venue</c> and <c>/hubs/customer</c> call.</summary>
    public static readonly IReadOnlyList<string> Targets =
    [
        "venueState", "queue:insert", "queue:update", "queue:reorder", "queue:reconcile", "playerStateUpdate", "playerCommand",
        "initial_data", "quota_update", "request:update", "request:new", "connected", "pending_count_update",
    ];

    /// <summary>How the server closes a connection with an error; a call it cuts short fails with this, it was not refused.</summary>
    private const string ClosedByServer = "The server closed the connection with the following error: ";

    private static readonly JsonElement Null = JsonSerializer.SerializeToElement<object?>(null);

    private readonly HubConnection _connection;
    private readonly HubEventLog _events;
    private readonly TaskCompletionSource<string?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubClient(HubConnection connection, HubEventLog events)
    {
        _connection = connection;
        _events = events;
        foreach (var target in Targets)
        {
            _connection.On(target, [typeof(JsonElement)], Record, target);
        }

        _connection.Closed += error =>
        {
            _closed.TrySetResult(error?.Message);
            return Task.CompletedTask;
        };
    }

    /// <summary>Completes when the connection has ended, with why (the server's close error), or null when it gave none.</summary>
    public Task<string?> Closed => _closed.Task;

    /// <summary>Every event received so far, in arrival order.</summary>
    public IReadOnlyList<HubEvent> Events => _events.Events;

    /// <summary>
    /// Builds the connection from <paramref name="builder"/> (its URL and transport already set) and starts it; throws
    /// what the client throws when the server turns it away (a 401 on the WebSocket request, a handshake error).
    /// </summary>
    public static async Task<HubClient> ConnectAsync(IHubConnectionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var events = new HubEventLog();
        builder.AddJsonProtocol(json => json.PayloadSerializerOptions = new JsonSerializerOptions(JsonSerializerOptions.Web));
        builder.ConfigureLogging(logging => logging.AddProvider(new DroppedEvents(events)));
        var client = new HubClient(builder.Build(), events);
        try
        {
            using var starting = new CancellationTokenSource(HubEventLog.DefaultWait);
            await client._connection.StartAsync(starting.Token);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }

        return client;
    }

    /// <summary>Calls a hub method and waits for its completion: its result, or the error the hub sent instead.</summary>
    public async Task<HubCompletion> InvokeAsync(string target, params object?[] arguments)
    {
        using var waiting = new CancellationTokenSource(HubEventLog.DefaultWait);
        try
        {
            var result = await _connection.InvokeCoreAsync(target, typeof(JsonElement), arguments, waiting.Token);
            return new HubCompletion(result is JsonElement element ? element : default, null);
        }
        catch (HubException refused) when (!refused.Message.StartsWith(ClosedByServer, StringComparison.Ordinal))
        {
            // The completion's error, as the server sent it.
            return new HubCompletion(default, refused.Message);
        }
        catch (OperationCanceledException ex) when (waiting.IsCancellationRequested)
        {
            throw new TimeoutException($"{target} did not complete within {HubEventLog.DefaultWait}", ex);
        }
        catch (Exception ex) when (ex is HubException or OperationCanceledException or IOException or WebSocketException or InvalidOperationException)
        {
            // The connection ended first: with the server's close error, cleanly, or lost.
            throw new InvalidOperationException($"The connection closed before {target} completed: {ex.Message}", ex);
        }
    }

    /// <inheritdoc cref="HubEventLog.WaitForAsync"/>
    public Task<HubEvent> WaitForAsync(string target, Func<JsonElement, bool>? predicate = null, TimeSpan? timeout = null) =>
        _events.WaitForAsync(target, predicate, timeout);

    /// <inheritdoc cref="HubEventLog.UntilAsync"/>
    public Task UntilAsync(Func<IReadOnlyList<HubEvent>, bool> condition, TimeSpan within, string what) =>
        _events.UntilAsync(condition, within, what);

    public static string Describe(IEnumerable<HubEvent> events) => HubEventLog.Describe(events);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private Task Record(object?[] arguments, object target)
    {
        _events.Add(new HubEvent((string)target, arguments[0] is JsonElement payload ? payload : Null));
        return Task.CompletedTask;
    }

    /// <summary>Turns the client's log of an event it dropped into a failure of the connection's <see cref="HubEventLog"/>.</summary>
    private sealed class DroppedEvents(HubEventLog events) : ILoggerProvider, ILogger
    {
        private static readonly HashSet<string> Drops = ["MissingHandler", "ArgumentBindingFailure", "ErrorInvokingClientSideMethod"];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (eventId.Name is { } name && Drops.Contains(name))
            {
                events.Fail($"{formatter(state, exception)} {exception?.Message}".TrimEnd());
            }
        }

        public void Dispose()
        {
        }
    }
}
