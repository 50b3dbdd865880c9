using System.Buffers;
using System.Buffers.Text;
using System.Collections;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

namespace Singr.HubLoad;

/// <summary>
/// One venue-room connection speaking the JSON hub protocol over a raw WebSocket, kept as light as a phone's: it joins a
/// venue, then notes when each marked <c>queue:insert</c> arrives (by the number in the song's title) without parsing
/// anything else.
/// </summary>
internal sealed class LoadConnection : IAsyncDisposable
{
    public const string TitleMarker = "hubload-";
    private const byte RecordSeparator = 0x1E;
    private static readonly byte[] InsertTarget = "\"target\":\"queue:insert\""u8.ToArray();
    private static readonly byte[] Marker = Encoding.UTF8.GetBytes(TitleMarker);

    private readonly ClientWebSocket _socket = new();
    private readonly ArrayBufferWriter<byte> _partial = new();
    private readonly TaskCompletionSource<string?> _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long[] _submittedAt;
    private readonly BitArray _seen;
    private bool _handshaken;

    public LoadConnection(long[] submittedAt)
    {
        _submittedAt = submittedAt;
        _seen = new BitArray(submittedAt.Length);
        _socket.Options.KeepAliveInterval = Timeout.InfiniteTimeSpan;
    }

    /// <summary>Submit-to-receive latencies of the marked inserts, in stopwatch ticks.</summary>
    public List<long> Latencies { get; } = [];

    /// <summary>Marked inserts received more than once.</summary>
    public int Duplicates { get; private set; }

    public int Delivered { get; private set; }

    /// <summary>Whether the insert of request <paramref name="request"/> reached this connection.</summary>
    public bool Saw(int request) => _seen[request];

    public bool Closed { get; private set; }

    public Task Receiving { get; private set; } = Task.CompletedTask;

    public async Task ConnectAndJoinAsync(Uri hub, string slug, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(hub, cancellationToken);
        Receiving = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        await SendAsync("""{"protocol":"json","version":1}""", cancellationToken);
        await SendAsync($$"""{"type":1,"invocationId":"1","target":"JoinVenue","arguments":["{{slug}}",null]}""", cancellationToken);
        var error = await _joined.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        if (error is not null)
        {
            throw new InvalidOperationException($"JoinVenue {slug} was refused: {error}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, closing.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Gone already.
        }

        await Task.WhenAny(Receiving, Task.Delay(TimeSpan.FromSeconds(5)));
        _socket.Dispose();
    }

    private Task SendAsync(string json, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json + (char)RecordSeparator), WebSocketMessageType.Text, true, cancellationToken);

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                var now = Stopwatch.GetTimestamp();
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                Consume(buffer.AsSpan(0, received.Count), now);
            }
        }
        catch (WebSocketException)
        {
            // Dropped: counted below.
        }
        finally
        {
            Closed = true;
            _joined.TrySetResult("the connection closed");
        }
    }

    private void Consume(ReadOnlySpan<byte> data, long now)
    {
        int end;
        while ((end = data.IndexOf(RecordSeparator)) >= 0)
        {
            if (_partial.WrittenCount > 0)
            {
                _partial.Write(data[..end]);
                OnRecord(_partial.WrittenSpan, now);
                _partial.ResetWrittenCount();
            }
            else
            {
                OnRecord(data[..end], now);
            }

            data = data[(end + 1)..];
        }

        _partial.Write(data);
    }

    private void OnRecord(ReadOnlySpan<byte> record, long now)
    {
        if (!_handshaken)
        {
            _handshaken = true;
            if (record.IndexOf("\"error\""u8) >= 0)
            {
                _joined.TrySetResult(Encoding.UTF8.GetString(record));
            }

            return;
        }

        if (record.IndexOf("\"type\":3"u8) >= 0)
        {
            _joined.TrySetResult(record.IndexOf("\"error\""u8) >= 0 ? Encoding.UTF8.GetString(record) : null);
            return;
        }

        if (record.IndexOf(InsertTarget) < 0)
        {
            return;
        }

        var at = record.IndexOf(Marker);
        if (at < 0 || !Utf8Parser.TryParse(record[(at + Marker.Length)..], out int request, out _) || request < 0 || request >= _submittedAt.Length)
        {
            return;
        }

        if (_seen[request])
        {
            Duplicates++;
            return;
        }

        _seen[request] = true;
        Delivered++;
        var submitted = Volatile.Read(ref _submittedAt[request]);
        if (submitted > 0)
        {
            Latencies.Add(now - submitted);
        }
    }
}
