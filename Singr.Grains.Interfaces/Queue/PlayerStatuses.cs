namespace Singr.Grains.Interfaces.Queue;

/// <summary>What a player reports, and the venue's status derived from its reports.</summary>
public static class PlayerStatuses
{
    public const string Playing = "playing";
    public const string Paused = "paused";

    /// <summary>Reported by a player with nothing loaded; the venue shows <see cref="Online"/>.</summary>
    public const string Idle = "idle";

    public const string Online = "online";

    /// <summary>No report for <c>PlayerAuthority.OfflineAfter</c>.</summary>
    public const string Offline = "offline";

    public static IReadOnlyList<string> Reportable { get; } = [Playing, Paused, Idle];
}
