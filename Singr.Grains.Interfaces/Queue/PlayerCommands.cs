namespace Singr.Grains.Interfaces.Queue;

/// <summary>Host commands for the player.</summary>
public static class PlayerCommands
{
    public const string Play = "play";
    public const string Pause = "pause";
    public const string Skip = "skip";
    public const string Volume = "volume";
    public const string Seek = "seek";

    public static IReadOnlyList<string> All { get; } = [Play, Pause, Skip, Volume, Seek];
}
