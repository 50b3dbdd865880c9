namespace Singr.Api.Notifications;

/// <summary>One entry of a user's inbox: what they were told about which request, and whether they have read it.</summary>
/// <param name="Kind">request_approved, request_rejected, request_fulfilled or request_replied.</param>
/// <param name="VenueId">The venue's slug now (null if the venue has since been deleted).</param>
/// <param name="VenueName">The venue's name when the notification was written.</param>
/// <param name="RequestId">The request it is about.</param>
/// <param name="SingerName">Who the request is for (to a host: the patron who replied).</param>
/// <param name="Message">The host's message with an answer, or the patron's reply; null when there was none.</param>
public sealed record NotificationView(
    Guid Id,
    string Kind,
    string? VenueId,
    string VenueName,
    Guid RequestId,
    string Title,
    string? Artist,
    string? SingerName,
    string? Message,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt);
