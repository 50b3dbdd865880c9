using Singr.Grains.Audit;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Accounts;
using Singr.Grains.Interfaces.Customers;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Quotas;
using Singr.Grains.Interfaces.Requests;
using Singr.Grains.Interfaces.Wallets;
using Singr.Grains.Queue;
using Singr.Grains.Persistence;

namespace Singr.Grains.Venues;

/// <summary>The venue's request rules and queue.</summary>
public sealed partial class VenueGrain : IVenueQueueGrain
{
    /// <summary>Counted for a song whose duration nobody gave (karaoke tracks), in start-time estimates.</summary>
    public static readonly TimeSpan AssumedSongLength = TimeSpan.FromMinutes(4);

    /// <summary>
    /// How long, and how many, first results of accepted requests are kept for retries: retries come within seconds or
    /// minutes, and every one kept is written with each change of the venue.
    /// </summary>
    private static readonly TimeSpan RememberAcceptedFor = TimeSpan.FromHours(1);

    private const int RememberedAccepted = 200;

    /// <summary>A pending payment older than this is settled by the venue's timer (its request's turn has ended).</summary>
    private static readonly TimeSpan SettleAfter = TimeSpan.FromSeconds(5);

    private QueueOrder Order => new(State.Queue);

    private RequestRules Rules => new(State);

    public Task<VenueSettings?> GetSettings() =>
        Task.FromResult(Live ? State.Settings with { RequestsOpen = Rules.AreOpenAt(timeProvider.GetUtcNow()) } : null);

    public async Task<Outcome<VenueSettings>> UpdateSettings(VenueSettingsPatch patch, AuditStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (!Live)
        {
            return Outcome.Refused<VenueSettings>(DomainErrors.VenueNotFound);
        }

        if (VenueSettingsRules.Check(patch).Count > 0)
        {
            throw new ArgumentException("Invalid settings; the API validates them first.", nameof(patch));
        }

        var before = State.Settings;
        var settings = before with
        {
            Mode = patch.Mode ?? before.Mode,
            CostPerSong = patch.CostPerSong ?? before.CostPerSong,
            PriorityCost = patch.PriorityCost ?? before.PriorityCost,
            ChargeAt = patch.ChargeAt ?? before.ChargeAt,
            MaxPriorityInARow = patch.MaxPriorityInARow ?? before.MaxPriorityInARow,
            QueueLimit = patch.QueueLimit ?? before.QueueLimit,
            MaxPendingPerPatron = patch.MaxPendingPerPatron ?? before.MaxPendingPerPatron,
            NoRepeatMinutes = patch.NoRepeatMinutes ?? before.NoRepeatMinutes,
            Blocklist = patch.Blocklist ?? before.Blocklist,
            RequestsOpen = patch.RequestsOpen ?? before.RequestsOpen,
            AutoCloseAt = patch.ClearAutoClose ? null : patch.AutoCloseAt ?? before.AutoCloseAt,
            AcceptKaraoke = patch.AcceptKaraoke ?? before.AcceptKaraoke,
            AcceptJukebox = patch.AcceptJukebox ?? before.AcceptJukebox,
            ApprovalRequired = patch.ApprovalRequired ?? before.ApprovalRequired,
        };
        if (!settings.AcceptKaraoke && !settings.AcceptJukebox)
        {
            throw new ArgumentException("A venue accepts at least one kind of request.", nameof(patch));
        }

        State.Settings = settings;
        if (patch.RequestsOpen == true)
        {
            State.RequestsOpenedAt = timeProvider.GetUtcNow();
        }

        Raise(VenueEvents.VenueState, Snapshot(timeProvider.GetUtcNow()));

        await SaveAsync(rows =>
        {
            Audit(rows, stamp, "venue.settings.update", "venue", VenueId.ToString("D"), before, settings);
        });
        return Outcome.Ok(settings with { RequestsOpen = Rules.AreOpenAt(timeProvider.GetUtcNow()) });
    }

    public async Task<Outcome<RequestAccepted>> RequestSong(RequestSong command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Live)
        {
            return Outcome.Refused<RequestAccepted>(DomainErrors.VenueNotFound);
        }

        if (State.Accepted.TryGetValue(command.RequestId, out var first))
        {
            return Outcome.Ok(first);
        }

        if (State.PendingPayments.Find(p => p.Entry.RequestId == command.RequestId) is { } unsettled)
        {
            // A retry of a request whose first try stopped between storing it and its charge: the same try again, so
            // the wallet charges it at most once, and it is queued.
            return await ChargeAndQueueAsync(unsettled, timeProvider.GetUtcNow());
        }

        if (command.ByHost && !await MayProcessRequestsAsync(command.HostUserId))
        {
            return Outcome.Refused<RequestAccepted>(DomainErrors.OnBehalfNotPermitted);
        }

        if (command is { SingerAccount: { } singer, KeyChangeGiven: false })
        {
            command = command with
            {
                Song = command.Song with { KeyChange = await GrainFactory.GetGrain<IAccountGrain>(singer).GetKeyChange(SongKeys.Of(command.Song)) ?? 0 },
            };
        }

        var now = timeProvider.GetUtcNow();
        var quota = command.ByHost ? null : Quotas.QuotaOf(command.Patron.Key, command.Patron.UserId, now);
        var refusal = Rules.RefusalFor(command, quota, now);
        if (refusal is not null)
        {
            return Outcome.Refused<RequestAccepted>(refusal);
        }

        var cost = Rules.CostOf(command);
        var entry = NewEntry(command, cost, now);
        if (command is { SingerAccount: { } account, KeyChangeGiven: true })
        {
            entry.SingerAccount = account;
        }

        if (quota is not null)
        {
            entry.CountsInQuota = true;
            entry.QuotaPeriod = quota.CurrentPeriod;
            if (State.Settings.ApprovalRequired)
            {
                entry.Status = QueueItemStatuses.Pending;
                entry.Approval = new ApprovalState { Status = ApprovalStatuses.Pending };
            }
        }

        if (cost == 0)
        {
            return Outcome.Ok(await AcceptAsync(entry, now));
        }

        if (command.Patron.UserId is not { } userId
            || (await GrainFactory.GetGrain<ICreditWalletGrain>(userId).GetBalance()).Available < cost)
        {
            return Outcome.Refused<RequestAccepted>(DomainErrors.InsufficientCredits);
        }

        var attempt = State.Abandoned.TryGetValue(command.RequestId, out var abandoned) ? abandoned.Attempt + 1 : 1;
        return await PayAndQueueAsync(entry, attempt, now);
    }

    public Task<QueueSnapshot?> GetQueue() => Task.FromResult(Live ? Snapshot(timeProvider.GetUtcNow()) : null);

    public Task<IReadOnlyList<QueueItem>> GetPendingFor(string patronKey)
    {
        var snapshot = Snapshot(timeProvider.GetUtcNow());
        var mine = State.Queue.Where(e => e.PatronKey == patronKey).Select(e => e.Id).ToHashSet();
        var pending = snapshot.Items.Where(i => mine.Contains(i.Id)).ToList();
        pending.AddRange(State.AwaitingApproval.Where(e => e.PatronKey == patronKey).Select(e => e.ToItem(0, null)));
        if (State.NowPlaying is { } playing && playing.PatronKey == patronKey && snapshot.NowPlaying is { } now)
        {
            pending.Insert(0, now);
        }

        return Task.FromResult<IReadOnlyList<QueueItem>>(pending);
    }

    public async Task<Outcome<QueueSnapshot>> Reorder(ReorderItems command, AuditStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Live)
        {
            return Outcome.Refused<QueueSnapshot>(DomainErrors.VenueNotFound);
        }

        if (command.ExpectedVersion is { } expected && expected != State.QueueVersion)
        {
            return Outcome.Refused<QueueSnapshot>(DomainErrors.QueueChanged);
        }

        var before = State.Queue.Select(e => e.Id).ToList();
        var changed = command.WholeQueue
            ? Order.Reorder(command.Moves)
            : command.Moves is [var move] && Order.Move(move.Id, move.Position);
        if (!changed)
        {
            return Outcome.Refused<QueueSnapshot>(
                !command.WholeQueue && command.Moves is [var unknown] && Order.PositionOf(unknown.Id) == 0
                    ? DomainErrors.QueueItemNotFound
                    : DomainErrors.QueueChanged);
        }

        State.QueueVersion++;
        Raise(VenueEvents.QueueReorder, new
        {
            version = State.QueueVersion,
            pendingCount = State.Queue.Count,
            items = State.Queue.Select((e, i) => new { id = e.Id, position = i + 1 }).ToList(),
        });
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
        var removed = RemoveEverythingWaiting(now);
        State.Settings = State.Settings with { RequestsOpen = false };

        Raise(VenueEvents.VenueState, Snapshot(now));
        await SaveAsync(rows =>
        {
            foreach (var entry in removed)
            {
                ProjectRequest(rows, entry);
            }

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

        if (!QueueItemStatuses.HostEnds.Contains(command.Status))
        {
            throw new ArgumentException("Items end as skipped, removed or failed.", nameof(command));
        }

        var now = timeProvider.GetUtcNow();
        if (State.NowPlaying is { } playing && playing.Id == command.Id)
        {
            // The player decides what plays: ask it to move on, and end the item as asked when it does.
            Authority.EndNowPlayingAs(command.Status, now);
            await SaveAsync(rows =>
            {
                AuditQueueItem(rows, command.Stamp, $"queue.item.{command.Status}", playing, playing.ToItem(0, null), null);
            });
            return Outcome.Ok(playing.ToItem(0, null));
        }

        var entry = Order.Remove(command.Id);
        if (entry is null)
        {
            return Outcome.Refused<QueueItem>(DomainErrors.QueueItemNotFound);
        }

        var before = entry.ToItem(0, null);
        RequestLifecycle.End(State, entry, command.Status, now);
        State.QueueVersion++;
        RaiseItem(VenueEvents.QueueUpdate, entry, entry.ToItem(0, null));
        await SaveAsync(rows =>
        {
            ProjectRequest(rows, entry);
            AuditQueueItem(rows, command.Stamp, $"queue.item.{command.Status}", entry, before, entry.ToItem(0, null));
        });
        await FlushWalletOutboxAsync();
        return Outcome.Ok(entry.ToItem(0, null));
    }

    /// <summary>
    /// A paid request is never charged without being queued, nor queued unpaid. The pending request is stored first; then the wallet charges (idempotent by request id);
    /// then the request is queued. A crash between the steps leaves a pending request that
    /// <see cref="SettlePendingPaymentsAsync"/> resolves with the wallet: queued if charged, dropped if not.
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
        var charged = await GrainFactory.GetGrain<ICreditWalletGrain>(entry.PatronUserId!.Value).Charge(
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

    /// <summary>Queues the request, or keeps it awaiting a host's answer; either way it counts in its patron's quota.</summary>
    private async Task<RequestAccepted> AcceptAsync(QueueEntry entry, DateTimeOffset now)
    {
        Quotas.Count(entry, now);
        RequestAccepted accepted;
        if (entry.Approval is not null)
        {
            State.AwaitingApproval.Add(entry);
            accepted = new RequestAccepted(entry.ToItem(0, null), State.QueueVersion);
            RaiseRequest(RequestActions.Created, entry, toPatron: true);
        }
        else
        {
            var position = Order.Insert(entry, State.Settings.MaxPriorityInARow, State.NowPlaying is { Priority: true } ? 1 : 0);
            State.QueueVersion++;
            State.RecentSongs.Add(new RecentSong { SongKey = entry.SongKey, At = now });
            accepted = new RequestAccepted(QueuedItem(position, now), State.QueueVersion);
            RaiseItem(VenueEvents.QueueInsert, entry, accepted.Item);
        }

        if (entry.SingerAccount is { } singer)
        {
            State.KeyChangesOwed.Add(new KeyChangeMemory { Account = singer, SongKey = entry.SongKey, KeyChange = entry.KeyChange });
            entry.SingerAccount = null;
        }

        State.Accepted[entry.RequestId] = accepted;
        ForgetOld(now);
        await SaveAsync(rows =>
        {
            ProjectRequest(rows, entry);
        });
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
        foreach (var pending in State.PendingPayments.Where(p => now - p.Entry.CreatedAt >= olderThan).ToList())
        {
            var state = await GrainFactory.GetGrain<ICreditWalletGrain>(pending.Entry.PatronUserId!.Value)
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

    /// <summary>
    /// Ends every queued request and every one awaiting approval as removed (held credits owed back, and quota given
    /// back for the unanswered), telling the team and each patron. What is playing plays on.
    /// </summary>
    private List<QueueEntry> RemoveEverythingWaiting(DateTimeOffset now)
    {
        var queued = State.Queue.ToList();
        var unanswered = State.AwaitingApproval.ToList();
        State.Queue.Clear();
        State.AwaitingApproval.Clear();
        State.QueueVersion++;
        foreach (var entry in queued)
        {
            RequestLifecycle.End(State, entry, QueueItemStatuses.Removed, now);
            RaiseItem(VenueEvents.QueueUpdate, entry, entry.ToItem(0, null));
        }

        foreach (var entry in unanswered)
        {
            RequestLifecycle.End(State, entry, QueueItemStatuses.Removed, now);
            Quotas.GiveBack(entry);
            RaiseRequest(RequestActions.StatusChanged, entry, toPatron: true);
        }

        return [.. queued, .. unanswered];
    }

    private static QueueEntry NewEntry(RequestSong command, int cost, DateTimeOffset now)
    {
        var song = command.Song;
        return new QueueEntry
        {
            Id = Guid.NewGuid(),
            RequestId = command.RequestId,
            Kind = song.Kind,
            Title = song.Title.Trim(),
            Artist = song.Artist?.Trim(),
            KeyChange = song.KeyChange,
            Notes = song.Notes,
            SingerName = song.SingerName ?? (song.Kind == RequestKinds.Karaoke ? command.Patron.DisplayName : null),
            YoutubeId = song.YoutubeId,
            DurationSeconds = song.DurationSeconds,
            ThumbnailUrl = song.ThumbnailUrl,
            PatronKey = command.Patron.Key,
            PatronUserId = command.Patron.UserId,
            RequestedByName = command.Patron.DisplayName,
            CreditsCost = cost,
            Priority = command.Priority,
            Status = QueueItemStatuses.Queued,
            CreatedAt = now,
            SongKey = SongKeys.Of(song),
        };
    }

    private void ForgetOld(DateTimeOffset now)
    {
        var forgotten = State.Accepted
            .OrderByDescending(a => a.Value.Item.CreatedAt)
            .Where((a, newest) => newest >= RememberedAccepted || now - a.Value.Item.CreatedAt > RememberAcceptedFor)
            .Select(a => a.Key)
            .ToList();
        foreach (var old in forgotten)
        {
            State.Accepted.Remove(old);
        }

        foreach (var old in State.Abandoned.Where(a => now - a.Value.At > RememberAcceptedFor).Select(a => a.Key).ToList())
        {
            State.Abandoned.Remove(old);
        }

        var window = TimeSpan.FromMinutes(VenueSettingsRules.MaxNoRepeatMinutes);
        State.RecentSongs.RemoveAll(r => now - r.At > window);
    }

    private QueueSnapshot Snapshot(DateTimeOffset now)
    {
        var nowPlaying = State.NowPlaying is { } playing ? playing.ToItem(0, playing.StartedAt) : null;
        var cursor = NowPlayingEndsAt(now);
        var items = new List<QueueItem>(State.Queue.Count);
        for (var i = 0; i < State.Queue.Count; i++)
        {
            var entry = State.Queue[i];
            items.Add(entry.ToItem(i + 1, cursor));
            cursor += LengthOf(entry);
        }

        return new QueueSnapshot(nowPlaying, items, State.QueueVersion, Authority.StatusAt(now), Rules.AreOpenAt(now), State.EventSeq, State.AwaitingApproval.Count);
    }

    /// <summary>One queued item as a snapshot would show it, without building the whole snapshot (the request path).</summary>
    private QueueItem QueuedItem(int position, DateTimeOffset now)
    {
        var start = NowPlayingEndsAt(now);
        for (var i = 0; i < position - 1; i++)
        {
            start += LengthOf(State.Queue[i]);
        }

        return State.Queue[position - 1].ToItem(position, start);
    }

    /// <summary>When the song playing now should end, from the player's reported position; now when nothing plays.</summary>
    private DateTimeOffset NowPlayingEndsAt(DateTimeOffset now)
    {
        if (State.NowPlaying is not { } playing)
        {
            return now;
        }

        var played = State.Player.ReportedStatus == PlayerStatuses.Idle
            ? now - (playing.StartedAt ?? now)
            : TimeSpan.FromSeconds(State.Player.PositionSeconds);
        var length = LengthOf(playing);
        return now + (length > played ? length - played : TimeSpan.Zero);
    }

    private static TimeSpan LengthOf(QueueEntry entry) =>
        entry.DurationSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : AssumedSongLength;

    private void RaiseItem(string type, QueueEntry entry, QueueItem item) =>
        Turn.RaiseItem(type, entry, item, Quotas.QuotaOf(entry.PatronKey, entry.PatronUserId, timeProvider.GetUtcNow()));

    private void ProjectRequest(List<ISideRow> rows, QueueEntry entry) => rows.Add(new SongRequestRow(VenueId, entry));

    private void AuditQueueItem(List<ISideRow> rows, AuditStamp? stamp, string action, QueueEntry entry, object? before, object? after)
    {
        if (stamp is not null)
        {
            Audit(rows, stamp, action, "queue_item", entry.Id.ToString("D"), before, after);
        }
    }
}
