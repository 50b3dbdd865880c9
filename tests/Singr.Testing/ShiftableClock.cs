namespace Singr.Testing;

/// <summary>
/// The system clock with a wall-clock offset tests can set, to make expiries pass without waiting. Only
/// <see cref="GetUtcNow"/> shifts: timers, delays and timestamps (heartbeats, idle collection) stay real.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
