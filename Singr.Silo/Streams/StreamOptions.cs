namespace Singr.Silo.Streams;

/// <summary>Bound from the <c>Singr:Streams</c> configuration section.</summary>
public sealed class StreamOptions
{
    public const string SectionName = "Singr:Streams";

    /// <summary>How often subscribed streams are checked for events whose NOTIFY was lost.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
