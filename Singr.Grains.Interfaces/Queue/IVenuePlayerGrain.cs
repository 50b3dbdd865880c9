using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Runtime;

namespace Singr.Grains.Interfaces.Queue;

/// <summary>
/// Player authority (DJAMMS Fix 6), on the venue's activation: the lease-holding player reports what plays and the
/// server mirrors it, correcting itself where it differs; host commands wait here for the player in order.
/// </summary>
public interface IVenuePlayerGrain : IGrainWithGuidKey
{
    Task<Outcome<PlayerReportReply>> ReportPlayerState(PlayerReport report);

    Task<Outcome<PlayerCommand>> IssuePlayerCommand(IssuePlayerCommand command);

    Task<Outcome<PlayerState>> HandOverLease(HandOverLease command);

    Task<PlayerState?> GetPlayerState();
}
