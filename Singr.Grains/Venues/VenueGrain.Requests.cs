using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Requests;
using Singr.Grains.Queue;

namespace Singr.Grains.Venues;

/// <summary>
/// The venue's requests as hosts work through them (the rules are <see cref="RequestWorkflow"/>'s). Requests still
/// waiting live in the state; finished ones are read back from their rows, which only this grain writes. An answer,
/// a fulfilment and a reply tell the patron or host who should hear of it (<see cref="RequestNotices"/>) in the same write.
/// </summary>
public sealed partial class VenueGrain : IVenueRequestsGrain
{
    private RequestWorkflow Workflow => new(State, Turn);

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

        var changed = Workflow.SetProcessed(entries, command.Processed, StoredNow());
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

        return Outcome.Ok<IReadOnlyList<RequestView>>([.. entries.Select(Workflow.View)]);
    }

    public async Task<Outcome<RequestView>> DeleteRequest(DeleteRequest command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await FindRequestAsync(command.Id) is not { } entry)
        {
            return Outcome.Refused<RequestView>(DomainErrors.RequestNotFound);
        }

        var before = Workflow.View(entry);
        var now = StoredNow();
        if (Workflow.Delete(entry, now) is { } refusal)
        {
            return new Outcome<RequestView>(before, refusal);
        }

        await SaveAsync(rows =>
        {
            ProjectRequest(rows, entry);
            rows.Add(new SongRequestsDeleted(VenueId, [entry.Id], now));
            Audit(rows, command.Stamp, "request.delete", "request", entry.Id.ToString("D"), before, after: null);
        });
        await FlushWalletOutboxAsync();
        return Outcome.Ok(Workflow.View(entry));
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
        if (await FindRequestAsync(command.Id) is not { } entry)
        {
            return Outcome.Refused<RequestView>(DomainErrors.RequestNotFound);
        }

        if (Workflow.Accept(entry, command.Host, StoredNow(), out var changed) is { } refusal)
        {
            return new Outcome<RequestView>(Workflow.View(entry), refusal);
        }

        if (changed)
        {
            await SaveAsync(rows =>
            {
                ProjectRequest(rows, entry);
                Audit(rows, command.Stamp, "request.accept", "request", entry.Id.ToString("D"), before: null,
                    new { acceptedBy = command.Host.UserId, entry.Approval!.AcceptedAt });
            });
        }

        return Outcome.Ok(Workflow.View(entry));
    }

    public async Task<Outcome<RequestView>> Respond(RespondToRequest command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!ApprovalStatuses.Responses.Contains(command.Status) || command.Message?.Length > RespondToRequest.MaxMessageLength)
        {
            throw new ArgumentException("Approved or rejected, with at most 500 characters; the API validates them first.", nameof(command));
        }

        if (await FindRequestAsync(command.Id) is not { } entry)
        {
            return Outcome.Refused<RequestView>(DomainErrors.RequestNotFound);
        }

        var now = StoredNow();
        if (Workflow.Respond(entry, command.Status, command.Message, command.Host, now) is { } refusal)
        {
            return new Outcome<RequestView>(Workflow.View(entry), refusal);
        }

        await SaveAsync(rows =>
        {
            ProjectRequest(rows, entry);
            Audit(rows, command.Stamp, $"request.{command.Status}", "request", entry.Id.ToString("D"),
                new { status = ApprovalStatuses.Pending }, new { status = command.Status, message = entry.Approval!.ResponseMessage });
            RequestNotices.Write(rows, RequestNotices.Answered(entry), VenueId, State.Name, entry, now);
        });
        await FlushWalletOutboxAsync();
        return Outcome.Ok(Workflow.View(entry));
    }

    public async Task<Outcome<RequestView>> Fulfill(FulfillRequest command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await FindRequestAsync(command.Id) is not { } entry)
        {
            return Outcome.Refused<RequestView>(DomainErrors.RequestNotFound);
        }

        var now = StoredNow();
        if (Workflow.Fulfill(entry, now) is { } refusal)
        {
            return new Outcome<RequestView>(Workflow.View(entry), refusal);
        }

        await SaveAsync(rows =>
        {
            ProjectRequest(rows, entry);
            Audit(rows, command.Stamp, "request.fulfill", "request", entry.Id.ToString("D"),
                new { status = ApprovalStatuses.Approved }, new { status = ApprovalStatuses.Fulfilled });
            RequestNotices.Write(rows, RequestNotices.Fulfilled(entry, command.Stamp.ActingAsId ?? command.Stamp.ActorId), VenueId, State.Name, entry, now);
        });
        await FlushWalletOutboxAsync();
        return Outcome.Ok(Workflow.View(entry));
    }

    public async Task<Outcome<RequestView>> Reply(ReplyToRequest command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.Message) || command.Message.Length > ReplyToRequest.MaxMessageLength)
        {
            throw new ArgumentException("1 to 500 characters; the API validates them first.", nameof(command));
        }

        if (await FindRequestAsync(command.Id) is not { } entry)
        {
            return Outcome.Refused<RequestView>(DomainErrors.RequestNotFound);
        }

        var now = StoredNow();
        if (Workflow.Reply(entry, command.PatronKey, command.Message, now) is { } refusal)
        {
            return refusal == DomainErrors.RequestNotFound
                ? Outcome.Refused<RequestView>(refusal)
                : new Outcome<RequestView>(Workflow.View(entry), refusal);
        }

        await SaveAsync(rows =>
        {
            ProjectRequest(rows, entry);
            RequestNotices.Write(rows, RequestNotices.Replied(entry), VenueId, State.Name, entry, now);
        });
        return Outcome.Ok(Workflow.View(entry));
    }

    /// <summary>Requests still waiting: awaiting approval, queued, playing.</summary>
    private IEnumerable<QueueEntry> WaitingRequests() =>
        State.AwaitingApproval.Concat(State.Queue).Concat(State.NowPlaying is { } playing ? [playing] : []);

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
        && (filter.From is not { } from || entry.RequestedAt >= from)
        && (filter.To is not { } to || entry.RequestedAt <= to);

    /// <summary>Now, to the microsecond PostgreSQL keeps, so what a change returns is what a later read of its row shows.</summary>
    private DateTimeOffset StoredNow()
    {
        var now = timeProvider.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
