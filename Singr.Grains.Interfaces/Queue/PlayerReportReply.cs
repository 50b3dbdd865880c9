namespace Singr.Grains.Interfaces.Queue;

/// <param name="Fence">The lease number to send with the next report.</param>
/// <param name="Corrections">Where the server's view differed and it took the player's: codes such as NOW_PLAYING_CHANGED.</param>
/// <param name="Commands">Host commands after the player's <c>LastCommandSeq</c>, in order.</param>
[GenerateSerializer]
[Alias("singr.queue.PlayerReportReply")]
public sealed record PlayerReportReply(
    [property: Id(0)] long Fence,
    [property: Id(1)] string VenueStatus,
    [property: Id(2)] QueueItem? NowPlaying,
    [property: Id(3)] IReadOnlyList<string> Corrections,
    [property: Id(4)] IReadOnlyList<PlayerCommand> Commands);
