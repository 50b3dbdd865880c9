namespace Singr.Grains.Interfaces.Queue;

/// <param name="Fence">The lease number to send with the next report.</param>
/// <param name="Corrections">Where the server's view differed and it took the player's: codes such as NOW_PLAYING_CHANGED.</param>
/// <param name="Commands">Host commands after the player's <c>LastCommandSeq</c>, in order.</param>
public sealed record PlayerReportReply(
    long Fence,
    string VenueStatus,
    QueueItem? NowPlaying,
    IReadOnlyList<string> Corrections,
    IReadOnlyList<PlayerCommand> Commands);
