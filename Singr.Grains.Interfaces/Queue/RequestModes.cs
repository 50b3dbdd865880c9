namespace Singr.Grains.Interfaces.Queue;

/// <summary>How a venue charges for requests: free, paid per song, or free with paid priority (HYBRID).</summary>
public static class RequestModes
{
    public const string FreePlay = "FREEPLAY";
    public const string Paid = "PAID";

    /// <summary>Free requests allowed; paid priority requests go ahead of free ones, a bounded number in a row.</summary>
    public const string Hybrid = "HYBRID";

    public static IReadOnlyList<string> All { get; } = [FreePlay, Paid, Hybrid];
}
