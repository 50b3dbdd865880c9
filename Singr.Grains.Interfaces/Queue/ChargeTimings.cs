namespace Singr.Grains.Interfaces.Queue;

/// <summary>When a paid request's credits are taken.</summary>
public static class ChargeTimings
{
    /// <summary>SPENT when the request is queued (the default).</summary>
    public const string OnRequest = "ON_REQUEST";

    /// <summary>Held when queued, SPENT when the song starts, released if it never plays: no REFUND entry is needed.</summary>
    public const string OnPlay = "ON_PLAY";

    public static IReadOnlyList<string> All { get; } = [OnRequest, OnPlay];
}
