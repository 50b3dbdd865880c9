using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Requests;
using Singr.Grains.Queue;

namespace Singr.Grains.Venues;

/// <summary>
/// The venue's requests as hosts work through them: processing, clearing, and the approval workflow (pending →
/// approved → fulfilled, or rejected). Requests still waiting live in the state; finished ones are read back from
/// their rows, which only this grain writes.
/// </summary>
public sealed partial class VenueGrain : IVenueRequestsGrain
{
    public async Task<Outcome<IReadOnlyList<RequestView>>> MarkProcessed(MarkRequestsProcessed command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Ids.Count is 0 or > MarkRequestsProcessed.MaxIds)
        {
            throw new ArgumentException("1 to 100 requests; the API validates them first.", nameof(command));
        }

        var ids = command.Ids.Distinct().ToList();
        var entries = Live ? await FindRequestsAsync(ids) : [];
        if (entries.Count != ids.Count)
        {
            return Outcome.Refused<IReadOnlyList<RequestView>>(DomainErrors.RequestNotFound);
        }

        var now = StoredNow();
        var changed = entries.Where(e => e.Processed != command.Processed).ToList();
        foreach (var entry in changed)
        {
            entry.Processed = command.Processed;
            entry.ProcessedAt = command.Processed ? now : null;
            RaiseRequest(RequestActions.Processed, entry, toPatron: false);
        }

        if (changed.Count > 0)
        {
            await SaveAsync(rows =>
            {
                foreach (var entry in changed)
                {
                    ProjectRequest(rows, entry);
                    Audit(rows, command.Stamp, command.Processed ? "request.process" : "request.unprocess", "request",
                        entry.Id.ToString("D"), new { processed = !command.Processed }, new { processed = command.Processed });
                }
            });
        }

        return Outcome.Ok<IReadOnlyList<RequestView>>([.. entries.Select(View)]);
    }

    public async Task<Outcome<RequestView>> DeleteRequest(DeleteRequest command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await FindRequestAsync(command.Id) is not { } entry)
        {
            return Outcome.Refused<RequestView>(DomainErrors.RequestNotFound);
        }

        if (State.NowPlaying == entry)
        {
            return new Outcome<RequestView>(View(entry), DomainErrors.RequestPlaying);
        }

        var before = View(entry);
        var now = StoredNow();
        var unanswered = false;
        if (Order.Remove(entry.Id) is not null)
        {
            RequestLifecycle.End(State, entry, QueueItemStatuses.Removed, now);
            State.QueueVersion++;
            RaiseItem(VenueEvents.QueueUpdate, entry, entry.ToItem(0, null));
        }
        else if (State.AwaitingApproval.Remove(entry))
        {
            // Removed before anyone answered it: as good as rejected, so it gives its quota back too.
            RequestLifecycle.End(State, entry, QueueItemStatuses.Removed, now);
            Quotas.GiveBack(entry);
            unanswered = true;
        }

        // A queued request's patron hears of its removal from the queue's own event; an unanswered one's only here.
        RaiseRequest(RequestActions.Deleted, entry, toPatron: unanswered);
        await SaveAsync(rows =>
        {
            ProjectRequest(rows, entry);
            rows.Add(new SongRequestsDeleted(VenueId, [entry.Id], now));
            Audit(rows, command.Stamp, "request.delete", "request", entry.Id.ToString("D"), before, after: null);
        });
        await FlushWalletOutboxAsync();
        return Outcome.Ok(View(entry));
    }

    public async Task<Outcome<RequestsDeleted>> DeleteRequests(DeleteRequestsMatching command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Live)
        {
            return Outcome.Refused<RequestsDeleted>(DomainErrors.VenueNotFound);
        }

        var stillWaiting = WaitingRequests().Count(e => Matches(e, command));
        var ids = await requestArchive.FinishedMatchingAsync(VenueId, command);
        if (ids.Count > 0)
        {
            Raise(VenueEvents.RequestUpdate, new
            {
                action = RequestActions.Deleted,
                ids,
                pendingCount = State.Queue.Count,
                awaitingApproval = State.AwaitingApproval.Count,
            });
            var now = StoredNow();
            await SaveAsync(rows =>
            {
                rows.Add(new SongRequestsDeleted(VenueId, ids, now));
                Audit(rows, command.Stamp, "request.delete_many", "venue", VenueId.ToString("D"),
                    new { command.Processed, command.Status, command.From, command.To }, new { deleted = ids.Count });
            });
        }

        return Outcome.Ok(new RequestsDeleted(ids.Count, stillWaiting));
    }

    public async Task<Outcome<RequestView>> Accept(AcceptRequest command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (entry, approval, refusal) = await FindAnsweredAsync(command.Id, patronKey: null, ApprovalStatuses.Pending);
        if (refusal is not null)
        {
            return refusal;
        }

        if (approval!.AcceptedBy is { } claimedBy)
        {
            return claimedBy == command.Host.UserId
                ? Outcome.Ok(View(entry))
                : new Outcome<RequestView>(View(entry), DomainErrors.RequestAlreadyAccepted);
        }

        approval.AcceptedBy = command.Host.UserId;
        approval.AcceptedByName = command.Host.DisplayName;
        approval.AcceptedAt = StoredNow();
        RaiseRequest(RequestActions.Accepted, entry, toPatron: true);
        await SaveAsync(rows =>
        {
            ProjectRequest(rows, entry);
            Audit(rows, command.Stamp, "request.accept", "request", entry.Id.ToString("D"), before: null,
                new { acceptedBy = command.Host.UserId, approval.AcceptedAt });
        });
        return Outcome.Ok(View(entry));
    }

    public async Task<Outcome<RequestView>> Respond(RespondToRequest command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!ApprovalStatuses.Responses.Contains(command.Status) || command.Message?.Length > RespondToRequest.MaxMessageLength)
        {
            throw new ArgumentException("Approved or rejected, with at most 500 characters; the API validates them first.", nameof(command));
        }

        var (entry, approval, refusal) = await FindAnsweredAsync(command.Id, patronKey: null, ApprovalStatuses.Pending);
        if (refusal is not null)
        {
            return refusal;
        }

        if (approval!.AcceptedBy is { } claimedBy && claimedBy != command.Host.UserId)
        {
            return new Outcome<RequestView>(View(entry), DomainErrors.RequestAlreadyAccepted);
        }

        var now = StoredNow();
        State.AwaitingApproval.Remove(entry);
        approval.AcceptedBy ??= command.Host.UserId;
        approval.AcceptedByName ??= command.Host.DisplayName;
        approval.AcceptedAt ??= now;
        approval.RespondedBy = command.Host.UserId;
        approval.RespondedByName = command.Host.DisplayName;
        approval.RespondedAt = now;
        approval.ResponseMessage = string.IsNullOrWhiteSpace(command.Message) ? null : command.Message.Trim();
        approval.Status = command.Status;
        if (command.Status == ApprovalStatuses.Approved)
        {
            Approve(entry, now);
        }
        else
        {
            RequestLifecycle.End(State, entry, QueueItemStatuses.Rejected, now);
            Quotas.GiveBack(entry);
        }

        RaiseRequest(RequestActions.StatusChanged, entry, toPatron: true);
        await SaveAsync(rows =>
        {
            ProjectRequest(rows, entry);
            Audit(rows, command.Stamp, $"request.{command.Status}", "request", entry.Id.ToString("D"),
                new { status = ApprovalStatuses.Pending }, new { status = command.Status, message = approval.ResponseMessage });
        });
        await FlushWalletOutboxAsync();
        return Outcome.Ok(View(entry));
    }

    public async Task<Outcome<RequestView>> Fulfill(FulfillRequest command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (entry, approval, refusal) = await FindAnsweredAsync(command.Id, patronKey: null, ApprovalStatuses.Approved);
        if (refusal is not null)
        {
            return refusal;
        }

        approval!.Status = ApprovalStatuses.Fulfilled;
        if (Order.Remove(entry.Id) is not null)
        {
            // Sung outside the player (the host says so): it leaves the queue as played, and what it held is spent.
            RequestLifecycle.CaptureHeldCredits(State, entry);
            RequestLifecycle.End(State, entry, QueueItemStatuses.Played, StoredNow());
            State.QueueVersion++;
            RaiseItem(VenueEvents.QueueUpdate, entry, entry.ToItem(0, null));
        }

        RaiseRequest(RequestActions.Fulfilled, entry, toPatron: true);
        await SaveAsync(rows =>
        {
            ProjectRequest(rows, entry);
            Audit(rows, command.Stamp, "request.fulfill", "request", entry.Id.ToString("D"),
                new { status = ApprovalStatuses.Approved }, new { status = ApprovalStatuses.Fulfilled });
        });
        await FlushWalletOutboxAsync();
        return Outcome.Ok(View(entry));
    }

    public async Task<Outcome<RequestView>> Reply(ReplyToRequest command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.Message) || command.Message.Length > ReplyToRequest.MaxMessageLength)
        {
            throw new ArgumentException("1 to 500 characters; the API validates them first.", nameof(command));
        }

        var (entry, approval, refusal) = await FindAnsweredAsync(command.Id, command.PatronKey, ApprovalStatuses.Approved, ApprovalStatuses.Fulfilled);
        if (refusal is not null)
        {
            return refusal;
        }

        if (approval!.PatronReply is not null)
        {
            return new Outcome<RequestView>(View(entry), DomainErrors.ReplyAlreadySent);
        }

        approval.PatronReply = command.Message.Trim();
        approval.RepliedAt = StoredNow();
        RaiseRequest(RequestActions.ReplyAdded, entry, toPatron: true);
        await SaveAsync(rows =>
        {
            ProjectRequest(rows, entry);
        });
        return Outcome.Ok(View(entry));
    }

    /// <summary>An approved request joins the queue; credits held for an ON_REQUEST venue are spent now.</summary>
    private void Approve(QueueEntry entry, DateTimeOffset now)
    {
        entry.Status = QueueItemStatuses.Queued;
        if (State.Settings.ChargeAt == ChargeTimings.OnRequest)
        {
            RequestLifecycle.CaptureHeldCredits(State, entry);
        }

        Order.Insert(entry, State.Settings.MaxPriorityInARow, State.NowPlaying is { Priority: true } ? 1 : 0);
        State.QueueVersion++;
        State.RecentSongs.Add(new RecentSong { SongKey = entry.SongKey, At = now });
        RaiseItem(VenueEvents.QueueInsert, entry, QueuedItem(Order.PositionOf(entry.Id), now));
    }

    /// <summary>Requests still waiting: awaiting approval, queued, playing.</summary>
    private IEnumerable<QueueEntry> WaitingRequests() =>
        State.AwaitingApproval.Concat(State.Queue).Concat(State.NowPlaying is { } playing ? [playing] : []);

    /// <summary>
    /// The request, when it is in the approval workflow at one of <paramref name="statuses"/> (and, given a
    /// <paramref name="patronKey"/>, is that patron's); otherwise the refusal, with its current view when it exists.
    /// </summary>
    private async Task<(QueueEntry Entry, ApprovalState? Approval, Outcome<RequestView>? Refusal)> FindAnsweredAsync(
        Guid id, string? patronKey, params string[] statuses)
    {
        var entry = await FindRequestAsync(id);
        if (entry is null || (patronKey is not null && entry.PatronKey != patronKey))
        {
            return (null!, null, Outcome.Refused<RequestView>(DomainErrors.RequestNotFound));
        }

        return entry.Approval is { } approval && statuses.Contains(approval.Status)
            ? (entry, approval, null)
            : (entry, null, new Outcome<RequestView>(View(entry), DomainErrors.RequestStatusConflict));
    }

    private async Task<QueueEntry?> FindRequestAsync(Guid id) => Live ? (await FindRequestsAsync([id])).FirstOrDefault() : null;

    /// <summary>The venue's requests with these ids: waiting ones from the state, finished ones from their rows.</summary>
    private async Task<List<QueueEntry>> FindRequestsAsync(IReadOnlyCollection<Guid> ids)
    {
        var found = WaitingRequests().Where(e => ids.Contains(e.Id)).ToList();
        var missing = ids.Where(id => found.All(e => e.Id != id)).ToList();
        if (missing.Count > 0)
        {
            found.AddRange(await requestArchive.LoadAsync(VenueId, missing));
        }

        return found;
    }

    private static bool Matches(QueueEntry entry, DeleteRequestsMatching filter) =>
        (filter.Processed is not { } processed || entry.Processed == processed)
        && (filter.Status is not { } status || entry.Status == status)
        && (filter.From is not { } from || entry.CreatedAt >= from)
        && (filter.To is not { } to || entry.CreatedAt <= to);

    /// <summary>
    /// A request's change for the team and, when <paramref name="toPatron"/>, the patron who made it, with their
    /// allowance after it: hubs reach them by the key and strip key and allowance before anyone else sees the event.
    /// </summary>
    private void RaiseRequest(string action, QueueEntry entry, bool toPatron) =>
        Raise(VenueEvents.RequestUpdate, new
        {
            action,
            request = View(entry),
            pendingCount = State.Queue.Count,
            awaitingApproval = State.AwaitingApproval.Count,
            patronKey = toPatron ? entry.PatronKey : null,
            quota = toPatron ? Quotas.QuotaOf(entry.PatronKey, entry.PatronUserId, timeProvider.GetUtcNow()) : null,
        });

    /// <summary>Now, to the microsecond PostgreSQL keeps, so what a change returns is what a later read of its row shows.</summary>
    private DateTimeOffset StoredNow()
    {
        var now = timeProvider.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    private RequestView View(QueueEntry entry) => new(
        entry.Id, VenueId, entry.Kind, entry.Title, entry.Artist, entry.KeyChange, entry.Notes, entry.SingerName,
        entry.RequestedByName, entry.PatronUserId, entry.Status, entry.CreditsCost, entry.Priority, entry.CreatedAt,
        entry.Processed, entry.ProcessedAt,
        entry.Approval is { } a
            ? new RequestApproval(a.Status, a.AcceptedBy, a.AcceptedByName, a.AcceptedAt, a.RespondedBy, a.RespondedByName,
                a.RespondedAt, a.ResponseMessage, a.PatronReply, a.RepliedAt)
            : null);
}
