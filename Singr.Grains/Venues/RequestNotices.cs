using Singr.Grains.Interfaces.Messaging;
using Singr.Grains.Interfaces.Requests;
using Singr.Grains.Messaging;
using Singr.Grains.Persistence;
using Singr.Grains.Queue;

namespace Singr.Grains.Venues;

/// <summary>
/// Who is told what when a request moves (the book requests' "standard notification"): the patron who made it hears
/// the host's answer (approved or rejected, with the host's message) and that it was sung; the host who answered hears
/// the patron's reply. Only accounts have an inbox: a guest patron is told nothing here (their kiosk hears it live),
/// and nobody is told of their own act. Each notice is an inbox row plus an email and an SMS in the outbox, all
/// written with the change; the outbox worker sends each channel only if the user left it on for the kind.
/// </summary>
public static class RequestNotices
{
    /// <summary>A host answered <paramref name="entry"/> (its approval now says approved or rejected, by whom, with what message).</summary>
    public static IReadOnlyList<RequestNotice> Answered(QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var kind = entry.Approval?.Status switch
        {
            ApprovalStatuses.Approved => NotificationKinds.RequestApproved,
            ApprovalStatuses.Rejected => NotificationKinds.RequestRejected,
            _ => null,
        };
        return kind is null ? [] : ToPatron(entry, kind, entry.Approval!.ResponseMessage, actor: entry.Approval.RespondedBy);
    }

    /// <summary>A host (<paramref name="hostUserId"/>) marked <paramref name="entry"/> sung.</summary>
    public static IReadOnlyList<RequestNotice> Fulfilled(QueueEntry entry, Guid? hostUserId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Approval is { Status: ApprovalStatuses.Fulfilled }
            ? ToPatron(entry, NotificationKinds.RequestFulfilled, message: null, actor: hostUserId)
            : [];
    }

    /// <summary>The patron replied to the answer: the host who answered hears it (the one who claimed it, if no answerer is known).</summary>
    public static IReadOnlyList<RequestNotice> Replied(QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Approval is not { PatronReply: { } reply } approval || (approval.RespondedBy ?? approval.AcceptedBy) is not { } host)
        {
            return [];
        }

        return host == entry.SubmittedByUserId ? [] : [new RequestNotice(host, NotificationKinds.RequestReplied, reply)];
    }

    /// <summary>The rows that deliver <paramref name="notices"/>: for each, the inbox row, an email and an SMS (each under the kind's preference).</summary>
    public static void Write(List<ISideRow> rows, IEnumerable<RequestNotice> notices, Guid venueId, string venueName, QueueEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(entry);
        var singer = entry.SingerName ?? entry.RequestedBy;
        foreach (var notice in notices)
        {
            rows.Add(new NotificationRow(
                Guid.NewGuid(), notice.UserId, notice.Kind, venueId, venueName, entry.Id, entry.Title, entry.Artist, singer, notice.Message, now));
            var values = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [MessageValues.Notification] = notice.Kind,
                [MessageValues.VenueName] = venueName,
                [MessageValues.Title] = entry.Title,
                [MessageValues.Artist] = entry.Artist ?? string.Empty,
                [MessageValues.SingerName] = singer,
                [MessageValues.Message] = notice.Message ?? string.Empty,
            };
            rows.Add(Outbox.EmailToUser(notice.UserId, MessageKinds.RequestNotification, values, notice.Kind));
            rows.Add(Outbox.SmsToUser(notice.UserId, MessageKinds.RequestNotification, values, notice.Kind));
        }
    }

    private static IReadOnlyList<RequestNotice> ToPatron(QueueEntry entry, string kind, string? message, Guid? actor) =>
        entry.SubmittedByUserId is { } patron && patron != actor ? [new RequestNotice(patron, kind, message)] : [];
}
