namespace Singr.Silo.Messaging;

/// <summary>At most <c>max</c> sends in any sliding <c>window</c>, on the given clock.</summary>
internal sealed class SendRateWindow(TimeProvider clock, int max, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _gate = new();

    public int Available()
    {
        lock (_gate)
        {
            Forget(clock.GetUtcNow());
            return max - _sent.Count;
        }
    }

    public void Record(int count)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            for (var i = 0; i < count; i++)
            {
                _sent.Enqueue(now);
            }
        }
    }

    public TimeSpan UntilAvailable()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            Forget(now);
            return _sent.Count < max ? TimeSpan.Zero : _sent.Peek() + window - now;
        }
    }

    private void Forget(DateTimeOffset now)
    {
        while (_sent.Count > 0 && _sent.Peek() <= now - window)
        {
            _sent.Dequeue();
        }
    }
}
