namespace Singr.Grains.Queue;

/// <summary>How many requests a patron has made in one quota period at a venue.</summary>
public sealed class QuotaUsage
{
    public string Period { get; set; } = string.Empty;

    public int Used { get; set; }
}
