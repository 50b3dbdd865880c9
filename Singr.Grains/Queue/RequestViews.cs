using Singr.Grains.Interfaces.Requests;

namespace Singr.Grains.Queue;

/// <summary>A request as hosts see it (<see cref="RequestView"/>), made in this one place from the venue's own record.</summary>
public static class RequestViews
{
    public static RequestView From(QueueEntry entry, Guid venueId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(
            entry.Id, venueId, entry.Kind, entry.Title, entry.Artist, entry.KeyChange, entry.Notes, entry.SingerName,
            entry.RequestedByName, entry.PatronUserId, entry.Status, entry.CreditsCost, entry.Priority, entry.CreatedAt,
            entry.Processed, entry.ProcessedAt,
            entry.Approval is { } a
                ? new RequestApproval(a.Status, a.AcceptedBy, a.AcceptedByName, a.AcceptedAt, a.RespondedBy, a.RespondedByName,
                    a.RespondedAt, a.ResponseMessage, a.PatronReply, a.RepliedAt)
                : null);
    }
}
