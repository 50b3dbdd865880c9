using Singr.Api.Http;

namespace Singr.Api.Notifications;

public static class NotificationErrors
{
    /// <summary>Also the answer for another user's notification: whose it is is not told.</summary>
    public static ApiError NotFound() => new(
        "NOTIFICATION_NOT_FOUND", "The caller has no notification with this id.", "We couldn't find that notification.", [new("id", "Unknown notification.")]);
}
