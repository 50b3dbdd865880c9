using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Requests;
using Singr.Grains.Queue;

namespace Singr.Grains.Venues;

/// <summary>
/// Requests as hosts work through them: processing, deleting, and in venues that approve requests the answer
/// (pending → approved → fulfilled, or rejected), with the patron's one reply. Each method takes a request the grain
/// found (waiting ones from the state, finished ones from their rows) and returns the refusal, or null when done.
/// </summary>
public sealed class RequestWorkflow(VenueState venue, VenueTurn turn)
{
    private QuotaBook Quotas => new(venue);

    /// <summary>A host claims a pending request; claiming it again is no change, another host's claim is refused.</summary>
    public string? Accept(QueueEntry entry, HostIdentity host, DateTimeOffset now, out bool changed)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(host);
        changed = false;
        if (entry.Approval is not { Status: ApprovalStatuses.Pending } approval)
        {
            return DomainErrors.RequestStatusConflict;
        }

        if (approval.AcceptedBy is { } claimedBy)
        {
            return claimedBy == host.UserId ? null : DomainErrors.RequestAlreadyAccepted;
        }

        approval.AcceptedBy = host.UserId;
        approval.AcceptedByName = host.DisplayName;
        approval.AcceptedAt = now;
        RaiseRequest(RequestActions.Accepted, entry, toPatron: true, now);
        changed = true;
        return null;
    }

    /// <summary>
    /// A host answers a pending request (unless another host claimed it): approved, it joins the queue and credits held
    /// for an ON_REQUEST venue are spent; rejected, it ends, its held credits are owed back and its allowance returns.
    /// </summary>
    public string? Respond(QueueEntry entry, string status, string? message, HostIdentity host, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(host);
        if (entry.Approval is not { Status: ApprovalStatuses.Pending } approval)
        {
            return DomainErrors.RequestStatusConflict;
        }

        if (approval.AcceptedBy is { } claimedBy && claimedBy != host.UserId)
        {
            return DomainErrors.RequestAlreadyAccepted;
        }

        venue.AwaitingApproval.Remove(entry);
        approval.AcceptedBy ??= host.UserId;
        approval.AcceptedByName ??= host.DisplayName;
        approval.AcceptedAt ??= now;
        approval.RespondedBy = host.UserId;
        approval.RespondedByName = host.DisplayName;
        approval.RespondedAt = now;
        approval.ResponseMessage = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        approval.Status = status;
        if (status == ApprovalStatuses.Approved)
        {
            Approve(entry, now);
        }
        else
        {
            RequestLifecycle.End(venue, entry, QueueItemStatuses.Rejected, now);
            Quotas.GiveBack(entry);
        }

        RaiseRequest(RequestActions.StatusChanged, entry, toPatron: true, now);
        return null;
    }

    /// <summary>An approved request is done: one still queued was sung outside the player, leaves as played and spends what it held.</summary>
    public string? Fulfill(QueueEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Approval is not { Status: ApprovalStatuses.Approved } approval)
        {
            return DomainErrors.RequestStatusConflict;
        }

        approval.Status = ApprovalStatuses.Fulfilled;
        if (new QueueOrder(venue.Queue).Remove(entry.Id) is not null)
        {
            RequestLifecycle.CaptureHeldCredits(venue, entry);
            RequestLifecycle.End(venue, entry, QueueItemStatuses.Played, now);
            venue.QueueVersion++;
            turn.RaiseItem(VenueEvents.QueueUpdate, entry, entry.ToRoomView(0, null), now);
        }

        RaiseRequest(RequestActions.Fulfilled, entry, toPatron: true, now);
        return null;
    }

    /// <summary>The patron who made an approved or fulfilled request replies, once; anyone else's request is not found.</summary>
    public string? Reply(QueueEntry entry, string patronKey, string message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(message);
        if (entry.PatronKey != patronKey)
        {
            return DomainErrors.RequestNotFound;
        }

        if (entry.Approval is not { Status: ApprovalStatuses.Approved or ApprovalStatuses.Fulfilled } approval)
        {
            return DomainErrors.RequestStatusConflict;
        }

        if (approval.PatronReply is not null)
        {
            return DomainErrors.ReplyAlreadySent;
        }

        approval.PatronReply = message.Trim();
        approval.RepliedAt = now;
        RaiseRequest(RequestActions.ReplyAdded, entry, toPatron: true, now);
        return null;
    }

    /// <summary>Marks requests processed or not; returns those that changed.</summary>
    public IReadOnlyList<QueueEntry> SetProcessed(IEnumerable<QueueEntry> entries, bool processed, DateTimeOffset now)
    {
        var changed = entries.Where(e => e.Processed != processed).ToList();
        foreach (var entry in changed)
        {
            entry.Processed = processed;
            entry.ProcessedAt = processed ? now : null;
            RaiseRequest(RequestActions.Processed, entry, toPatron: false, now);
        }

        return changed;
    }

    /// <summary>
    /// Deletes a request from the host's lists. One still waiting leaves the queue (or the approvals, giving its
    /// allowance back, as good as rejected) first; the one playing must be skipped first.
    /// </summary>
    public string? Delete(QueueEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (venue.NowPlaying == entry)
        {
            return DomainErrors.RequestPlaying;
        }

        var unanswered = false;
        if (new QueueOrder(venue.Queue).Remove(entry.Id) is not null)
        {
            RequestLifecycle.End(venue, entry, QueueItemStatuses.Removed, now);
            venue.QueueVersion++;
            turn.RaiseItem(VenueEvents.QueueUpdate, entry, entry.ToRoomView(0, null), now);
        }
        else if (venue.AwaitingApproval.Remove(entry))
        {
            RequestLifecycle.End(venue, entry, QueueItemStatuses.Removed, now);
            Quotas.GiveBack(entry);
            unanswered = true;
        }

        // A queued request's patron hears of its removal from the queue's own event; an unanswered one's only here.
        RaiseRequest(RequestActions.Deleted, entry, toPatron: unanswered, now);
        return null;
    }

    public RequestView View(QueueEntry entry) => entry.ToHostView(venue.Slug, venue.Name);

    /// <summary>
    /// A request's change for the team and, when <paramref name="toPatron"/>, for the patron who made it, who also gets
    /// their allowance after it.
    /// </summary>
    /// <summary>How many songs wait ahead of a patron's when they are told to get ready.</summary>
    public const int UpNextWhenAhead = 2;

    /// <summary>
    /// Tells the patron whose song now has <see cref="UpNextWhenAhead"/> songs waiting ahead of it, once
    /// (<c>request:update</c> with <c>up_next</c>, to them alone); run at the end of every turn that may move the queue.
    /// </summary>
    public void AnnounceUpNext(DateTimeOffset now)
    {
        if (venue.Queue.Count > UpNextWhenAhead && venue.Queue[UpNextWhenAhead] is { UpNextAnnounced: false } entry)
        {
            entry.UpNextAnnounced = true;
            RaiseRequest(RequestActions.UpNext, entry, toPatron: true, now);
        }
    }

    public void RaiseRequest(string action, QueueEntry entry, bool toPatron, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        turn.Raise(
            VenueEvents.RequestUpdate,
            new
            {
                action,
                request = View(entry),
                pendingCount = venue.Queue.Count,
                awaitingApproval = venue.AwaitingApproval.Count,
            },
            toPatron ? entry.PatronKey : null,
            toPatron ? new { quota = Quotas.QuotaOf(entry.PatronKey, entry.SubmittedByUserId, now) } : null);
    }

    /// <summary>An approved request joins the queue; credits held for an ON_REQUEST venue are spent now.</summary>
    private void Approve(QueueEntry entry, DateTimeOffset now)
    {
        entry.Status = QueueItemStatuses.Queued;
        if (venue.Settings.ChargeAt == ChargeTimings.OnRequest)
        {
            RequestLifecycle.CaptureHeldCredits(venue, entry);
        }

        var position = QueuePlacement.Place(venue, entry);
        venue.QueueVersion++;
        venue.RecentSongs.Add(new RecentSong { SongKey = entry.SongKey, At = now });
        turn.RaiseItem(VenueEvents.QueueInsert, entry, new QueueView(venue).QueuedItem(position, now), now);
    }
}
