using Microsoft.Extensions.Logging;

namespace Singr.Silo.Streams;

/// <summary>
/// The subscribers of one stream in this process. When woken it reads the events after the lowest sequence any
/// subscriber has seen and offers them in order; wakes that arrive while it reads make it read again.
/// </summary>
internal sealed class StreamFeed(string streamId, EventStreamHub hub, ILogger logger)
{
    private const int PageSize = 500;
    private readonly Lock _gate = new();
    private readonly List<StreamSubscription> _subscriptions = [];
    private int _pumping;
    private int _dirty;

    public string StreamId { get; } = streamId;

    /// <summary>The highest sequence this process has read from the stream.</summary>
    public long HighestSeen { get; private set; }

    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count == 0;
            }
        }
    }

    public StreamSubscription Add(long afterSequence, Func<StreamEvent, CancellationToken, Task> onEvent)
    {
        var subscription = new StreamSubscription(afterSequence, onEvent, Remove, logger);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    public void Wake()
    {
        Interlocked.Exchange(ref _dirty, 1);
        _ = PumpWhileDirtyAsync();
    }

    public async Task PumpWhileDirtyAsync()
    {
        if (Interlocked.CompareExchange(ref _pumping, 1, 0) == 1)
        {
            return;
        }

        try
        {
            while (Interlocked.Exchange(ref _dirty, 0) == 1)
            {
                await PumpOnceAsync();
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Reading stream {StreamId} failed; the next wake or poll retries", StreamId);
        }
        finally
        {
            Volatile.Write(ref _pumping, 0);
        }

        if (Volatile.Read(ref _dirty) == 1)
        {
            _ = PumpWhileDirtyAsync();
        }
    }

    private async Task PumpOnceAsync()
    {
        while (true)
        {
            StreamSubscription[] subscribers;
            lock (_gate)
            {
                subscribers = [.. _subscriptions];
            }

            if (subscribers.Length == 0)
            {
                return;
            }

            var after = subscribers.Min(s => s.LastQueued);
            var events = await hub.ReadAsync(StreamId, after, PageSize, CancellationToken.None);
            foreach (var streamEvent in events)
            {
                HighestSeen = Math.Max(HighestSeen, streamEvent.Sequence);
                foreach (var subscriber in subscribers)
                {
                    subscriber.Offer(streamEvent);
                }
            }

            if (events.Count < PageSize)
            {
                return;
            }
        }
    }

    private void Remove(StreamSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }

        hub.ForgetIfEmpty(this);
    }
}
