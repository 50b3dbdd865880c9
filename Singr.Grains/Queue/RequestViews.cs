using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Requests;

namespace Singr.Grains.Queue;

/// <summary>
/// The two views of a request, made in this one place from the venue's own record: the room's (<see cref="QueueItem"/>,
/// without the patron's account) and the hosts' (<see cref="RequestView"/>, with it and the approval).
/// </summary>
public static class RequestViews
{
    /// <summary>The request as the queue shows it: at <paramref name="position"/> (0 when not queued), starting about then.</summary>
    public static QueueItem ToRoomView(this QueueEntry entry, int position, DateTimeOffset? estimatedStartAt)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(
            entry.Id, entry.Kind, entry.Title, entry.Artist, entry.KeyChange, entry.Notes, entry.SingerName, entry.YoutubeId,
            entry.DurationSeconds, entry.ThumbnailUrl, entry.RequestedBy, position, entry.Status, entry.CreditsCost,
            entry.Priority, entry.RequestedAt, estimatedStartAt);
    }

    /// <param name="venueSlug">The venue's external id, which the hosts' view names it by.</param>
    public static RequestView ToHostView(this QueueEntry entry, string venueSlug, string venueName)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(
            entry.Id, venueSlug, venueName, entry.Kind, entry.Title, entry.Artist, entry.KeyChange, entry.Notes,
            entry.SingerName, entry.RequestedBy, entry.SubmittedByUserId, entry.Status, entry.CreditsCost, entry.Priority,
            entry.RequestedAt, entry.Processed, entry.ProcessedAt,
            entry.Approval is { } a
                ? new RequestApproval(a.Status, a.AcceptedBy, a.AcceptedByName, a.AcceptedAt, a.RespondedBy, a.RespondedByName,
                    a.RespondedAt, a.ResponseMessage, a.PatronReply, a.RepliedAt)
                : null);
    }
}
