using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Singr.Api.Tests;

/// <summary>
/// A minimal SignalR client speaking the JSON hub protocol over a WebSocket it is handed, for what the .NET client
/// hides: it can stop taking data off the socket (<see cref="StopReading"/>) while the server keeps sending. The .NET
/// client cannot be made to: its receive loop keeps reading frames into an unbounded queue of events however long the
/// application's handlers take. Handshake, method calls with their completions, and every event the server sends, kept
/// in arrival order. Records may share a frame or be split across frames. Pings are not answered (the server does not
/// need them). Every other hub test uses <see cref="HubClient"/>.
/// </summary>
internal sealed class RawHubClient : IHubEvents, IAsyncDisposable
{
    private const byte RecordSeparator = 0x1E;
    private static readonly TimeSpan DefaultWait = HubEventLog.DefaultWait;

    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Dictionary<string, TaskCompletionSource<HubCompletion>> _pending = [];
    private readonly HubEventLog _events = new();
    private readonly TaskCompletionSource<string?> _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource? _paused;
    private int _nextInvocationId;
    private Task _receiving = Task.CompletedTask;

    private readonly IDisposable? _owner;

    private RawHubClient(WebSocket socket, IDisposable? owner)
    {
        _socket = socket;
        _owner = owner;
    }

    /// <summary>Completes when the connection has ended, with the server's close error (null when it gave none).</summary>
    public Task<string?> Closed => _closed.Task;

    /// <summary>Every event received so far, in arrival order.</summary>
    public IReadOnlyList<HubEvent> Events => _events.Events;

    /// <summary>
    /// Handshakes over an open WebSocket; throws when the server answers the handshake with an error.
    /// <paramref name="owner"/> (what opened the socket) is disposed with the client.
    /// </summary>
    public static async Task<RawHubClient> ConnectAsync(WebSocket socket, IDisposable? owner = null)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var client = new RawHubClient(socket, owner);
        client._receiving = Task.Run(client.ReceiveLoopAsync);
        await client.SendRecordAsync("""{"protocol":"json","version":1}""");
        var handshakeError = await client._handshake.Task.WaitAsync(DefaultWait);
        if (handshakeError is not null)
        {
            await client.DisposeAsync();
            throw new InvalidOperationException($"The hub refused the handshake: {handshakeError}");
        }

        return client;
    }

    /// <summary>Calls a hub method and waits for its completion.</summary>
    public async Task<HubCompletion> InvokeAsync(string target, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextInvocationId).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<HubCompletion>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pending)
        {
            _pending[id] = completion;
        }

        var message = new JsonObject
        {
            ["type"] = 1,
            ["invocationId"] = id,
            ["target"] = target,
            ["arguments"] = JsonSerializer.SerializeToNode(arguments, JsonSerializerOptions.Web),
        };
        await SendRecordAsync(message.ToJsonString());
        var ended = await Task.WhenAny(completion.Task, Closed.WaitAsync(DefaultWait));
        return ended == completion.Task
            ? await completion.Task
            : throw new InvalidOperationException($"The connection closed before {target} completed: {await Closed}");
    }

    /// <summary>Stops taking data off the socket (as a phone whose app froze), so the server's buffers fill up.</summary>
    public void StopReading() => Interlocked.CompareExchange(ref _paused, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), null);

    public void ResumeReading() => Interlocked.Exchange(ref _paused, null)?.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        ResumeReading();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, closing.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Already gone: nothing to close.
        }

        await _stop.CancelAsync();
        await Task.WhenAny(_receiving, Task.Delay(TimeSpan.FromSeconds(2)));
        _socket.Dispose();
        _owner?.Dispose();
        _stop.Dispose();
        _sending.Dispose();
    }

    private async Task SendRecordAsync(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json + (char)RecordSeparator);
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var unparsed = new ArrayBufferWriter<byte>();
        var buffer = new byte[16 * 1024];
        string? closeError = null;
        try
        {
            while (true)
            {
                if (Volatile.Read(ref _paused) is { } paused)
                {
                    await paused.Task.WaitAsync(_stop.Token);
                }

                var received = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    closeError ??= received.CloseStatus is WebSocketCloseStatus.NormalClosure or null ? null : $"{received.CloseStatus} {received.CloseStatusDescription}";
                    break;
                }

                unparsed.Write(buffer.AsSpan(0, received.Count));
                closeError = DispatchRecords(unparsed) ?? closeError;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            closeError ??= $"connection lost: {ex.GetType().Name}: {ex.Message}";
        }
        finally
        {
            _handshake.TrySetResult("the connection closed before the handshake was answered");
            _closed.TrySetResult(closeError);
            lock (_pending)
            {
                foreach (var pending in _pending.Values)
                {
                    pending.TrySetException(new InvalidOperationException($"The connection closed: {closeError}"));
                }
            }
        }
    }

    /// <summary>Takes every complete record off the front of <paramref name="unparsed"/>; returns a close message's error.</summary>
    private string? DispatchRecords(ArrayBufferWriter<byte> unparsed)
    {
        string? closeError = null;
        var data = unparsed.WrittenSpan;
        var consumed = 0;
        int end;
        while ((end = data[consumed..].IndexOf(RecordSeparator)) >= 0)
        {
            using var record = JsonDocument.Parse(data.Slice(consumed, end).ToArray());
            consumed += end + 1;
            closeError = Dispatch(record.RootElement) ?? closeError;
        }

        if (consumed > 0)
        {
            var rest = data[consumed..].ToArray();
            unparsed.ResetWrittenCount();
            unparsed.Write(rest);
        }

        return closeError;
    }

    private string? Dispatch(JsonElement message)
    {
        if (!_handshake.Task.IsCompleted)
        {
            _handshake.TrySetResult(message.TryGetProperty("error", out var refused) ? refused.ToString() : null);
            return null;
        }

        switch (message.TryGetProperty("type", out var type) ? type.GetInt32() : 0)
        {
            case 1 when !message.TryGetProperty("invocationId", out _):
                var arguments = message.GetProperty("arguments");
                var payload = arguments.GetArrayLength() > 0 ? arguments[0].Clone() : default;
                _events.Add(new HubEvent(message.GetProperty("target").GetString()!, payload));

                return null;
            case 3:
                TaskCompletionSource<HubCompletion>? completion;
                lock (_pending)
                {
                    _pending.Remove(message.GetProperty("invocationId").GetString()!, out completion);
                }

                completion?.TrySetResult(new HubCompletion(
                    message.TryGetProperty("result", out var result) ? result.Clone() : default,
                    message.TryGetProperty("error", out var error) ? error.GetString() : null));
                return null;
            case 7:
                return message.TryGetProperty("error", out var closeError) ? closeError.GetString() : null;
            default:
                return null;
        }
    }
}
