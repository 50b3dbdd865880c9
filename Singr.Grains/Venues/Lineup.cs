using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Requests;
using Singr.Grains.Queue;

namespace Singr.Grains.Venues;

/// <summary>
/// A venue's lineup, its queue and the requests that join it: admitting a request by the rules, accepting it into the
/// queue (or the approvals), reordering, ending items and closing for the night. No I/O: paying for a request is the
/// grain's part, between <see cref="Admit"/> and <see cref="Accept"/>.
/// </summary>
public sealed class Lineup(VenueState venue, VenueTurn turn)
{
    /// <summary>
    /// How long, and how many, first results of accepted requests are kept for retries: retries come within seconds or
    /// minutes, and every one kept is written with each change of the venue.
    /// </summary>
    public static readonly TimeSpan RememberAcceptedFor = TimeSpan.FromHours(1);

    public const int RememberedAccepted = 200;

    private QueueOrder Order => new(venue.Queue);

    private QuotaBook Quotas => new(venue);

    /// <summary>
    /// The request as the venue would take it, with its cost, or the first rule it breaks. A patron's own request counts
    /// in their allowance and, where the venue approves requests, waits for a host's answer.
    /// </summary>
    public (QueueEntry? Entry, string? Refusal) Admit(RequestSong command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var quota = command.ByHost ? null : Quotas.QuotaOf(command.Patron.Key, command.Patron.UserId, now);
        var rules = new RequestRules(venue);
        if (rules.RefusalFor(command, quota, now) is { } refusal)
        {
            return (null, refusal);
        }

        var entry = NewEntry(command, rules.CostOf(command), now);
        if (quota is not null)
        {
            entry.CountsInQuota = true;
            entry.QuotaPeriod = quota.CurrentPeriod;
            if (venue.Settings.ApprovalRequired)
            {
                entry.Status = QueueItemStatuses.Pending;
                entry.Approval = new ApprovalState { Status = ApprovalStatuses.Pending };
            }
        }

        return (entry, null);
    }

    /// <summary>
    /// Queues an admitted (and, if it costs, paid) request by the priority rules, or keeps it awaiting a host's answer;
    /// either way it counts in its patron's allowance, a retry with its id gets this first result back, and the key
    /// change it used is owed to its singer's account.
    /// </summary>
    public RequestAccepted Accept(QueueEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Quotas.Count(entry, now);
        RequestAccepted accepted;
        if (entry.Approval is not null)
        {
            venue.AwaitingApproval.Add(entry);
            accepted = new RequestAccepted(entry.ToRoomView(0, null), venue.QueueVersion);
            new RequestWorkflow(venue, turn).RaiseRequest(RequestActions.Created, entry, toPatron: true, now);
        }
        else
        {
            var position = QueuePlacement.Place(venue, entry);
            venue.QueueVersion++;
            venue.RecentSongs.Add(new RecentSong { SongKey = entry.SongKey, At = now });
            accepted = new RequestAccepted(new QueueView(venue).QueuedItem(position, now), venue.QueueVersion);
            turn.RaiseItem(VenueEvents.QueueInsert, entry, accepted.Item, now);
        }

        if (entry.SingerAccount is { } singer)
        {
            venue.KeyChangesOwed.Add(new KeyChangeMemory { Account = singer, SongKey = entry.SongKey, KeyChange = entry.KeyChange });
            entry.SingerAccount = null;
        }

        venue.Accepted[entry.RequestId] = accepted;
        ForgetOld(now);
        turn.RequestChanged(entry);
        return accepted;
    }

    /// <summary>
    /// The whole queue in a new order, or one item moved. Refused when the queue changed since the caller's version, or
    /// the order is not every queued item exactly once; a move of an item not queued is not found.
    /// </summary>
    public string? Reorder(ReorderItems command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.ExpectedVersion is { } expected && expected != venue.QueueVersion)
        {
            return DomainErrors.QueueChanged;
        }

        var changed = command.WholeQueue
            ? Order.Reorder(command.Moves)
            : command.Moves is [var move] && Order.Move(move.Id, move.Position);
        if (!changed)
        {
            return !command.WholeQueue && command.Moves is [var unknown] && Order.PositionOf(unknown.Id) == 0
                ? DomainErrors.QueueItemNotFound
                : DomainErrors.QueueChanged;
        }

        venue.QueueVersion++;
        turn.Raise(VenueEvents.QueueReorder, new
        {
            version = venue.QueueVersion,
            pendingCount = venue.Queue.Count,
            items = venue.Queue.Select((e, i) => new { id = e.Id, position = i + 1 }).ToList(),
        });
        return null;
    }

    /// <summary>
    /// A host ends an item as skipped, removed or failed. A queued one leaves the queue now; the one playing is the
    /// player's to stop, so the player is asked to move on and the item ends as asked when it does.
    /// </summary>
    /// <returns>The item, or null when the venue has no such item queued or playing.</returns>
    public QueueEntry? End(Guid itemId, string status, DateTimeOffset now)
    {
        if (!QueueItemStatuses.HostEnds.Contains(status))
        {
            throw new ArgumentException("Items end as skipped, removed or failed.", nameof(status));
        }

        if (venue.NowPlaying is { } playing && playing.Id == itemId)
        {
            new PlayerAuthority(venue, turn).EndNowPlayingAs(status, now);
            return playing;
        }

        if (Order.Remove(itemId) is not { } entry)
        {
            return null;
        }

        RequestLifecycle.End(venue, entry, status, now);
        venue.QueueVersion++;
        turn.RaiseItem(VenueEvents.QueueUpdate, entry, entry.ToRoomView(0, null), now);
        turn.RequestChanged(entry);
        return entry;
    }

    /// <summary>
    /// Ends every queued request and every one awaiting approval as removed (held credits owed back, and allowance
    /// given back for the unanswered), telling the team and each patron. What is playing plays on.
    /// </summary>
    public IReadOnlyList<QueueEntry> RemoveEverythingWaiting(DateTimeOffset now)
    {
        var queued = venue.Queue.ToList();
        var unanswered = venue.AwaitingApproval.ToList();
        venue.Queue.Clear();
        venue.AwaitingApproval.Clear();
        venue.QueueVersion++;
        foreach (var entry in queued)
        {
            RequestLifecycle.End(venue, entry, QueueItemStatuses.Removed, now);
            turn.RaiseItem(VenueEvents.QueueUpdate, entry, entry.ToRoomView(0, null), now);
            turn.RequestChanged(entry);
        }

        var workflow = new RequestWorkflow(venue, turn);
        foreach (var entry in unanswered)
        {
            RequestLifecycle.End(venue, entry, QueueItemStatuses.Removed, now);
            Quotas.GiveBack(entry);
            workflow.RaiseRequest(RequestActions.StatusChanged, entry, toPatron: true, now);
            turn.RequestChanged(entry);
        }

        return [.. queued, .. unanswered];
    }

    /// <summary>Closes requests for the night: everything waiting is removed; what is playing plays on.</summary>
    public IReadOnlyList<QueueEntry> CloseForTheNight(DateTimeOffset now)
    {
        var removed = RemoveEverythingWaiting(now);
        venue.Settings = venue.Settings with { RequestsOpen = false };
        turn.Raise(VenueEvents.VenueState, new QueueView(venue).Snapshot(now));
        return removed;
    }

    /// <summary>
    /// Applies a settings change (the API checked each field) and returns the settings before it. Opening requests
    /// restarts the automatic closing time's count.
    /// </summary>
    public VenueSettings ChangeSettings(VenueSettingsPatch patch, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (VenueSettingsRules.Check(patch).Count > 0)
        {
            throw new ArgumentException("Invalid settings; the API validates them first.", nameof(patch));
        }

        var before = venue.Settings;
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
            Rotation = patch.Rotation ?? before.Rotation,
            JukeboxPricing = patch.JukeboxPricing ?? before.JukeboxPricing,
            Display = patch.Display?.ApplyTo(before.Display ?? DisplaySettings.Default) ?? before.Display,
            Player = patch.Player?.ApplyTo(before.Player ?? PlayerSettings.Default) ?? before.Player,
            OffersSmallPackage = patch.OffersSmallPackage ?? before.OffersSmallPackage,
        };
        if (!settings.AcceptKaraoke && !settings.AcceptJukebox)
        {
            throw new ArgumentException("A venue accepts at least one kind of request.", nameof(patch));
        }

        venue.Settings = settings;
        if (patch.RequestsOpen == true)
        {
            venue.RequestsOpenedAt = now;
        }

        turn.Raise(VenueEvents.VenueState, new QueueView(venue).Snapshot(now));
        return before;
    }

    /// <summary>The patron's requests still waiting (playing, queued, awaiting an answer), in that order.</summary>
    public IReadOnlyList<QueueItem> PendingFor(string patronKey, DateTimeOffset now)
    {
        var snapshot = new QueueView(venue).Snapshot(now);
        var mine = venue.Queue.Where(e => e.PatronKey == patronKey).Select(e => e.Id).ToHashSet();
        var pending = snapshot.Items.Where(i => mine.Contains(i.Id)).ToList();
        pending.AddRange(venue.AwaitingApproval.Where(e => e.PatronKey == patronKey).Select(e => e.ToRoomView(0, null)));
        if (venue.NowPlaying is { } playing && playing.PatronKey == patronKey && snapshot.NowPlaying is { } current)
        {
            pending.Insert(0, current);
        }

        return pending;
    }

    private void ForgetOld(DateTimeOffset now)
    {
        var forgotten = venue.Accepted
            .OrderByDescending(a => a.Value.Item.RequestedAt)
            .Where((a, newest) => newest >= RememberedAccepted || now - a.Value.Item.RequestedAt > RememberAcceptedFor)
            .Select(a => a.Key)
            .ToList();
        foreach (var old in forgotten)
        {
            venue.Accepted.Remove(old);
        }

        foreach (var old in venue.Abandoned.Where(a => now - a.Value.At > RememberAcceptedFor).Select(a => a.Key).ToList())
        {
            venue.Abandoned.Remove(old);
        }

        var window = TimeSpan.FromMinutes(VenueSettingsRules.MaxNoRepeatMinutes);
        venue.RecentSongs.RemoveAll(r => now - r.At > window);
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
            SubmittedByUserId = command.Patron.UserId,
            WalletId = command.Patron.WalletId,
            RequestedBy = command.Patron.DisplayName,
            CreditsCost = cost,
            Priority = command.Priority,
            Status = QueueItemStatuses.Queued,
            RequestedAt = now,
            SongKey = SongKeys.Of(song),
            SingerAccount = command is { SingerAccount: { } account, KeyChangeGiven: true } ? account : null,
        };
    }
}
