using System.Collections.Concurrent;

namespace Singr.Testing.Grains;

/// <summary>What test grains report about themselves (ticks, reminders, deactivations), keyed by grain key.</summary>
public static class GrainProbe
{
    public static ConcurrentDictionary<string, int> TimerTicks { get; } = new();

    public static ConcurrentDictionary<string, int> OverlappingTicks { get; } = new();

    public static ConcurrentDictionary<string, ConcurrentQueue<string>> Reminders { get; } = new();

    /// <summary>When each delivered reminder tick was due, by grain key: two equal entries would be a tick delivered twice.</summary>
    public static ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> ReminderTicksDue { get; } = new();

    public static ConcurrentDictionary<string, ConcurrentQueue<string>> Deactivations { get; } = new();

    public static ConcurrentDictionary<string, int> Activations { get; } = new();
}
