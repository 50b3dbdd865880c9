namespace Singr.Grains.Catalog;

/// <summary>One quota day's spending.</summary>
public sealed class YouTubeQuotaState
{
    public int UnitsUsed { get; set; }

    /// <summary>When the day's 90% warning was raised; null until it is.</summary>
    public DateTimeOffset? WarnedAt { get; set; }

    /// <summary>YouTube itself said the quota is spent (other keys' use, or a quota lower than configured).</summary>
    public bool SpentByProvider { get; set; }
}
