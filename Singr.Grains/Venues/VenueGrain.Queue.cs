using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Accounts;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Customers;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Wallets;
using Singr.Grains.Persistence;
using Singr.Grains.Queue;

namespace Singr.Grains.Venues;

/// <summary>
/// The venue's queue (the rules are <see cref="Lineup"/>'s and <see cref="RequestRules"/>'s). What is left here is
/// what needs other grains: the singer's key change, the host's role, and paying for a request with the wallet.
/// </summary>
public sealed partial class VenueGrain : IVenueQueueGrain
{
    /// <summary>A pending payment older than this is settled by the venue's timer (its request's turn has ended).</summary>
    private static readonly TimeSpan SettleAfter = TimeSpan.FromSeconds(5);

    private Lineup Lineup => new(State, Turn);

    private RequestRules Rules => new(State);

    public Task<VenueSettings?> GetSettings() =>
        Task.FromResult(Live ? SettingsNow() : null);

    public async Task<Outcome<VenueSettings>> UpdateSettings(VenueSettingsPatch patch, AuditStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (!Live)
        {
            return Outcome.Refused<VenueSettings>(DomainErrors.VenueNotFound);
        }

        var before = Lineup.ChangeSettings(patch, timeProvider.GetUtcNow());
        await SaveAsync(rows =>
        {
            Audit(rows, stamp, "venue.settings.update", "venue", VenueId.ToString("D"), before, State.Settings);
        });
        return Outcome.Ok(SettingsNow());
    }

    /// <summary>The settings as a host reads them: open or closed by the clock, and the screen's defaults filled in.</summary>
    private VenueSettings SettingsNow() => State.Settings.WithScreenDefaults() with { RequestsOpen = Rules.AreOpenAt(timeProvider.GetUtcNow()) };

    public async Task<Outcome<RequestAccepted>> RequestSong(RequestSong command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Live)
        {
            return Outcome.Refused<RequestAccepted>(DomainErrors.VenueNotFound);
        }

        switch (RequestRetry.Of(command, State))
        {
            case { Refusal: { } reused }:
                return Outcome.Refused<RequestAccepted>(reused);
            case { First: { } first }:
                return Outcome.Ok(first);
            case { Unsettled: { } unsettled }:
                // The first try stopped between storing the request and its charge: the same try again, so the wallet
                // charges it at most once, and it is queued.
                return await ChargeAndQueueAsync(unsettled, timeProvider.GetUtcNow());
        }

        if (command.ByHost && !await MayProcessRequestsAsync(command.HostUserId))
        {
            return Outcome.Refused<RequestAccepted>(DomainErrors.OnBehalfNotPermitted);
        }

        if (command is { SingerAccount: { } singer, KeyChangeGiven: false })
        {
            var remembered = await GrainFactory.GetGrain<IAccountGrain>(singer).GetKeyChange(SongKeys.Of(command.Song));
            command = command with { Song = command.Song with { KeyChange = remembered ?? 0 } };
        }

        var now = timeProvider.GetUtcNow();
        var (entry, refusal) = Lineup.Admit(command, now);
        if (refusal is not null)
        {
            return Outcome.Refused<RequestAccepted>(refusal);
        }

        if (entry!.CreditsCost == 0)
        {
            return Outcome.Ok(await AcceptAsync(entry, now));
        }

        if (command.Patron.PaysFrom is not { } userId
            || (await GrainFactory.GetGrain<ICreditWalletGrain>(userId).GetBalance()).Available < entry.CreditsCost)
        {
            return Outcome.Refused<RequestAccepted>(DomainErrors.InsufficientCredits);
        }

        var attempt = State.Abandoned.TryGetValue(command.RequestId, out var abandoned) ? abandoned.Attempt + 1 : 1;
        return await PayAndQueueAsync(entry, attempt, now);
    }

    public Task<QueueSnapshot?> GetQueue() => Task.FromResult(Live ? Snapshot(timeProvider.GetUtcNow()) : null);

    public Task<QueueCounts?> GetCounts() =>
        Task.FromResult(Live ? new QueueCounts(State.EventSeq, State.Queue.Count, State.AwaitingApproval.Count, State.QueueVersion) : null);

    public Task<IReadOnlyList<QueueItem>> GetPendingFor(string patronKey) =>
        Task.FromResult(Lineup.PendingFor(patronKey, timeProvider.GetUtcNow()));

    public async Task<Outcome<QueueSnapshot>> Reorder(ReorderItems command, AuditStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Live)
        {
            return Outcome.Refused<QueueSnapshot>(DomainErrors.VenueNotFound);
        }

        var before = State.Queue.Select(e => e.Id).ToList();
        if (Lineup.Reorder(command) is { } refusal)
        {
            return Outcome.Refused<QueueSnapshot>(refusal);
        }

        await SaveAsync(rows =>
        {
            Audit(rows, stamp, "queue.reorder", "queue", VenueId.ToString("D"), before, State.Queue.Select(e => e.Id).ToList());
        });
        return Outcome.Ok(Snapshot(timeProvider.GetUtcNow()));
    }

    public async Task<Outcome<QueueSnapshot>> CloseForTheNight(AuditStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        if (!Live)
        {
            return Outcome.Refused<QueueSnapshot>(DomainErrors.VenueNotFound);
        }

        var now = timeProvider.GetUtcNow();
        var removed = Lineup.CloseForTheNight(now);
        await SaveAsync(rows =>
        {
            Audit(rows, stamp, "venue.close", "venue", VenueId.ToString("D"), new { queued = removed.Count }, new { queued = 0, requestsOpen = false });
        });
        await FlushWalletOutboxAsync();
        return Outcome.Ok(Snapshot(now));
    }

    public async Task<Outcome<QueueItem>> EndItem(EndQueueItem command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Live)
        {
            return Outcome.Refused<QueueItem>(DomainErrors.VenueNotFound);
        }

        var before = State.NowPlaying?.Id == command.Id ? State.NowPlaying : State.Queue.Find(e => e.Id == command.Id);
        var beforeItem = before?.ToRoomView(0, null);
        if (Lineup.End(command.Id, command.Status, timeProvider.GetUtcNow()) is not { } entry)
        {
            return Outcome.Refused<QueueItem>(DomainErrors.QueueItemNotFound);
        }

        // The one playing ends when the player moves on: until then its audit records only the host's ask.
        var after = entry == State.NowPlaying ? null : entry.ToRoomView(0, null);
        await SaveAsync(rows =>
        {
            if (command.Stamp is { } stamp)
            {
                Audit(rows, stamp, $"queue.item.{command.Status}", "queue_item", entry.Id.ToString("D"), beforeItem, after);
            }
        });
        await FlushWalletOutboxAsync();
        return Outcome.Ok(entry.ToRoomView(0, null));
    }

    /// <summary>
    /// A paid request is never charged without being queued, nor queued unpaid. The pending request is stored first;
    /// then the wallet charges (idempotent by request id); then the request is queued. A crash between the steps leaves
    /// a pending request that <see cref="SettlePendingPaymentsAsync"/> resolves with the wallet: queued if charged,
    /// dropped if not.
    /// </summary>
    private async Task<Outcome<RequestAccepted>> PayAndQueueAsync(QueueEntry entry, int attempt, DateTimeOffset now)
    {
        // Held, not spent, while it may still be rejected or never played.
        var hold = State.Settings.ChargeAt == ChargeTimings.OnPlay || entry.Approval is not null;
        var pending = new PendingPayment { Entry = entry, Hold = hold, Attempt = attempt };
        State.PendingPayments.Add(pending);
        await SaveAsync();
        return await ChargeAndQueueAsync(pending, now);
    }

    /// <summary>The wallet charges the stored pending request (idempotent by request id and try); queued if it did.</summary>
    private async Task<Outcome<RequestAccepted>> ChargeAndQueueAsync(PendingPayment pending, DateTimeOffset now)
    {
        var entry = pending.Entry;
        var charged = await GrainFactory.GetGrain<ICreditWalletGrain>(entry.PayingWallet()!.Value).Charge(
            new ChargeCredits(entry.RequestId, VenueId, entry.CreditsCost, pending.Hold, $"Request: {entry.Title}", pending.Attempt));

        State.PendingPayments.Remove(pending);
        if (!charged.Succeeded)
        {
            await SaveAsync();
            return Outcome.Refused<RequestAccepted>(DomainErrors.InsufficientCredits);
        }

        State.Abandoned.Remove(entry.RequestId);
        entry.CreditsHeld = pending.Hold;
        return Outcome.Ok(await AcceptAsync(entry, now));
    }

    private async Task<RequestAccepted> AcceptAsync(QueueEntry entry, DateTimeOffset now)
    {
        var accepted = Lineup.Accept(entry, now);
        await SaveAsync();
        await FlushKeyChangesOwedAsync();
        return accepted;
    }

    /// <summary>
    /// Sends singers' accounts the key changes owed for committed requests. The request stands whatever happens here:
    /// what cannot be sent now stays for the venue's housekeeping.
    /// </summary>
    private async Task FlushKeyChangesOwedAsync()
    {
        foreach (var owed in State.KeyChangesOwed.ToList())
        {
            try
            {
                await GrainFactory.GetGrain<IAccountGrain>(owed.Account).RememberKeyChange(owed.SongKey, owed.KeyChange);
            }
            catch (Exception ex) when (ex is TimeoutException or OrleansException)
            {
                return;
            }

            State.KeyChangesOwed.Remove(owed);
        }
    }

    /// <summary>A host may request for a patron when their role in the venue's organisation lets them process requests.</summary>
    private async Task<bool> MayProcessRequestsAsync(Guid? hostUserId) =>
        hostUserId is { } userId
        && RolePermissions.Grants((await GrainFactory.GetGrain<ICustomerGrain>(State.CustomerId).GetMember(userId))?.Role, Permissions.RequestsProcess);

    /// <summary>Finishes or drops paid requests whose turn ended between their steps, as the wallet says.</summary>
    private async Task SettlePendingPaymentsAsync(TimeSpan olderThan)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var pending in State.PendingPayments.Where(p => now - p.Entry.RequestedAt >= olderThan).ToList())
        {
            var state = await GrainFactory.GetGrain<ICreditWalletGrain>(pending.Entry.PayingWallet()!.Value)
                .Resolve(pending.Entry.RequestId, pending.Attempt);
            State.PendingPayments.Remove(pending);
            if (state is ChargeStates.Spent or ChargeStates.Held)
            {
                State.Abandoned.Remove(pending.Entry.RequestId);
                pending.Entry.CreditsHeld = state == ChargeStates.Held;
                await AcceptAsync(pending.Entry, now);
            }
            else
            {
                State.Abandoned[pending.Entry.RequestId] = new AbandonedPayment { Attempt = pending.Attempt, At = now };
                await SaveAsync();
            }
        }
    }

    /// <summary>Sends the wallet calls owed for committed changes; what fails stays for the next attempt.</summary>
    private async Task FlushWalletOutboxAsync()
    {
        foreach (var action in State.WalletOutbox.ToList())
        {
            var wallet = GrainFactory.GetGrain<ICreditWalletGrain>(action.UserId);
            _ = action.Capture ? await wallet.Capture(action.RequestId) : await wallet.Release(action.RequestId);
            State.WalletOutbox.Remove(action);
        }
    }

    private QueueSnapshot Snapshot(DateTimeOffset now) => new QueueView(State).Snapshot(now);

    private void ProjectRequest(List<ISideRow> rows, QueueEntry entry) => rows.Add(new SongRequestRow(VenueId, entry));
}
