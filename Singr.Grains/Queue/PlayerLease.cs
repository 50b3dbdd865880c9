namespace Singr.Grains.Queue;

/// <summary>The one player with authority over what plays, and the server's mirror of its last report.</summary>
public sealed class PlayerLease
{
    public Guid? Holder { get; set; }

    /// <summary>Grows with every grant or hand-over; a report carrying an older number is from a superseded lease.</summary>
    public long Fence { get; set; }

    public DateTimeOffset? LastReportAt { get; set; }

    public string ReportedStatus { get; set; } = "idle";

    public double PositionSeconds { get; set; }

    public int Volume { get; set; } = 100;

    public string? Quality { get; set; }

    public double? PlaybackRate { get; set; }

    public long LastCommandSeq { get; set; }

    /// <summary>The venue has told everyone its player went offline (reports stopped); cleared by the next report.</summary>
    public bool OfflineAnnounced { get; set; }

    /// <summary>Keys of the latest records of songs played offline the venue took, so a resent one changes nothing.</summary>
    public List<string> OfflineRecordKeys { get; set; } = [];

    /// <summary>How the item now playing should end when the player moves on: set by a host's skip or removal.</summary>
    public string? EndNowPlayingAs { get; set; }
}
