using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Calls;

namespace Singr.Grains.Interfaces.Queue;

/// <summary>
/// Player authority (one screen decides what plays, so two screens never overwrite each other), on the venue's activation: the lease-holding player reports what plays and the
/// server mirrors it, correcting itself where it differs; host commands wait here for the player in order.
/// </summary>
[Alias("singr.queue.IVenuePlayerGrain")]
public interface IVenuePlayerGrain : IGrainWithGuidKey
{
    [Alias("ReportPlayerState")]
    Task<Outcome<PlayerReportReply>> ReportPlayerState(PlayerReport report);

    /// <summary>
    /// A player back from an outage: the songs it finished meanwhile end as it says (once each, whatever is resent),
    /// songs added at it join the queue, and its state now is taken as any report's; what patrons asked for meanwhile
    /// stays queued.
    /// </summary>
    [Alias("ReconcilePlayerQueue")]
    Task<Outcome<PlayerSnapshotReply>> ReconcilePlayerQueue(PlayerQueueSnapshot snapshot);

    [Alias("IssuePlayerCommand")]
    Task<Outcome<PlayerCommand>> IssuePlayerCommand(IssuePlayerCommand command);

    [Alias("HandOverLease")]
    Task<Outcome<PlayerState>> HandOverLease(HandOverLease command);

    [Idempotent]
    [Alias("GetPlayerState")]
    Task<PlayerState?> GetPlayerState();
}
