namespace Singr.Grains.Interfaces.Queue;

/// <summary>Host commands for the player.</summary>
public static class PlayerCommands
{
    public const string Play = "play";
    public const string Pause = "pause";
    public const string Skip = "skip";
    public const string Volume = "volume";
    public const string Seek = "seek";

    /// <summary>Stop playing and stay stopped (a skip moves on); the song playing ends as skipped.</summary>
    public const string Stop = "stop";

    /// <summary>The video quality to play at, one of <see cref="VideoQualities.All"/>.</summary>
    public const string Quality = "quality";

    public static IReadOnlyList<string> All { get; } = [Play, Pause, Skip, Stop, Volume, Seek, Quality];
}
