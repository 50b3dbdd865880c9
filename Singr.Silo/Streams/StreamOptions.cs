namespace Singr.Silo.Streams;

/// <summary>Bound from the <c>Singr:Streams</c> configuration section.</summary>
public sealed class StreamOptions
{
    public const string SectionName = "Singr:Streams";

    /// <summary>How often subscribed streams are checked for events whose NOTIFY was lost.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Events older than this are pruned: a client resuming from further back gets a fresh state instead.</summary>
    public TimeSpan RetentionWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>At most this many of a stream's latest events are kept, whatever their age.</summary>
    public int RetentionMaxEvents { get; set; } = 10_000;

    /// <summary>How often old events are pruned.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(1);
}
