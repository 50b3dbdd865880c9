namespace Singr.Grains.Interfaces.Queue;

/// <summary>What a player reports, and the venue's status derived from its reports.</summary>
public static class PlayerStatuses
{
    public const string Playing = "playing";
    public const string Paused = "paused";

    /// <summary>Loading the item: it is now playing, but not heard yet, so an ON_PLAY charge waits.</summary>
    public const string Buffering = "buffering";

    /// <summary>The item played to its end; the player moves on (its next report names the next item, or idle).</summary>
    public const string Ended = "ended";

    /// <summary>The item could not be played (<c>errorCode</c> says why): it ends as failed, and an unheard one costs nothing.</summary>
    public const string Error = "error";

    /// <summary>Reported by a player with nothing loaded; the venue shows <see cref="Online"/>.</summary>
    public const string Idle = "idle";

    public const string Online = "online";

    /// <summary>No report for <c>PlayerAuthority.OfflineAfter</c>.</summary>
    public const string Offline = "offline";

    public static IReadOnlyList<string> Reportable { get; } = [Playing, Paused, Buffering, Ended, Error, Idle];

    /// <summary>Reports that name the item they are about.</summary>
    public static IReadOnlyList<string> AboutAnItem { get; } = [Playing, Paused, Buffering, Ended, Error];
}
