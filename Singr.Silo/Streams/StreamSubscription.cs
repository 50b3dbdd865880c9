using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Singr.Silo.Streams;

/// <summary>One subscriber of a stream: its own queue and delivery loop, so a slow handler delays only itself.</summary>
internal sealed class StreamSubscription : IAsyncDisposable
{
    private readonly Channel<StreamEvent> _queue = Channel.CreateUnbounded<StreamEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<StreamEvent, CancellationToken, Task> _onEvent;
    private readonly Action<StreamSubscription> _onDispose;
    private readonly ILogger _logger;
    private readonly Task _delivery;

    public StreamSubscription(long afterSequence, Func<StreamEvent, CancellationToken, Task> onEvent, Action<StreamSubscription> onDispose, ILogger logger)
    {
        LastQueued = afterSequence;
        _onEvent = onEvent;
        _onDispose = onDispose;
        _logger = logger;
        _delivery = Task.Run(DeliverAsync);
    }

    /// <summary>The highest sequence handed to this subscriber's queue; only the feed's pump changes it.</summary>
    public long LastQueued { get; private set; }

    public void Offer(StreamEvent streamEvent)
    {
        if (streamEvent.Sequence > LastQueued)
        {
            LastQueued = streamEvent.Sequence;
            _queue.Writer.TryWrite(streamEvent);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _onDispose(this);
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _delivery;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task DeliverAsync()
    {
        await foreach (var streamEvent in _queue.Reader.ReadAllAsync(_stop.Token))
        {
            try
            {
                await _onEvent(streamEvent, _stop.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !_stop.IsCancellationRequested)
            {
                _logger.LogError(ex, "A subscriber of {StreamId} failed on event {Sequence}", streamEvent.StreamId, streamEvent.Sequence);
            }
        }
    }
}
