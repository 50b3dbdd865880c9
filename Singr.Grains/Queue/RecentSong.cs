namespace Singr.Grains.Queue;

/// <summary>A song queued or played recently, for the no-repeat window.</summary>
public sealed class RecentSong
{
    public string SongKey { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }
}
