using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;

namespace Singr.Grains.Venues;

/// <summary>Player authority (the rules are <see cref="PlayerAuthority"/>'s): reports, host commands, the lease.</summary>
public sealed partial class VenueGrain : IVenuePlayerGrain
{
    private PlayerAuthority Authority => new(State, Turn);

    public async Task<Outcome<PlayerReportReply>> ReportPlayerState(PlayerReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!Live)
        {
            return Outcome.Refused<PlayerReportReply>(DomainErrors.PlayerNotActive);
        }

        var reply = Authority.Report(report, timeProvider.GetUtcNow(), out var changed);
        if (changed)
        {
            await SaveAsync();
            await FlushWalletOutboxAsync();
        }

        return reply;
    }

    public async Task<Outcome<PlayerSnapshotReply>> ReconcilePlayerQueue(PlayerQueueSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!Live)
        {
            return Outcome.Refused<PlayerSnapshotReply>(DomainErrors.PlayerNotActive);
        }

        var reply = new OfflinePlayback(State, Turn).Reconcile(snapshot, timeProvider.GetUtcNow(), out var changed);
        if (changed)
        {
            await SaveAsync(rows =>
            {
                if (reply.Value is { } reconciled && (reconciled.Applied.Count > 0 || reconciled.Added.Count > 0))
                {
                    Audit(rows, snapshot.Stamp, "player.queue_snapshot", "player", snapshot.Current.PlayerId.ToString("D"), null,
                        new { applied = reconciled.Applied, alreadyKnown = reconciled.AlreadyKnown, added = reconciled.Added });
                }
            });
            await FlushWalletOutboxAsync();
        }

        return reply;
    }

    public async Task<Outcome<PlayerCommand>> IssuePlayerCommand(IssuePlayerCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Live)
        {
            return Outcome.Refused<PlayerCommand>(DomainErrors.VenueNotFound);
        }

        var issued = Authority.Issue(command.Command, command.Value, command.Quality, timeProvider.GetUtcNow());
        await SaveAsync(rows =>
        {
            Audit(rows, command.Stamp, $"player.command.{command.Command}", "venue", VenueId.ToString("D"), null, issued);
        });
        return Outcome.Ok(issued);
    }

    public async Task<Outcome<PlayerState>> HandOverLease(HandOverLease command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var before = new { holder = State.Player.Holder, fence = State.Player.Fence };
        if (!Live || !Authority.HandOver(command.PlayerId, timeProvider.GetUtcNow()))
        {
            return Outcome.Refused<PlayerState>(DomainErrors.PlayerNotFound);
        }

        await SaveAsync(rows =>
        {
            Audit(rows, command.Stamp, "player.lease.hand_over", "player", command.PlayerId.ToString("D"), before,
                new { holder = command.PlayerId, fence = State.Player.Fence });
        });
        return Outcome.Ok(Authority.View(timeProvider.GetUtcNow()));
    }

    public Task<PlayerState?> GetPlayerState() => Task.FromResult(Live ? Authority.View(timeProvider.GetUtcNow()) : null);

    private async Task AnnounceOfflinePlayerAsync()
    {
        if (Live && Authority.AnnounceIfOffline(timeProvider.GetUtcNow()))
        {
            await SaveAsync();
        }
    }
}
