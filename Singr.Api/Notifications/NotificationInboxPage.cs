using Singr.Api.Http;

namespace Singr.Api.Notifications;

/// <summary>A page of a user's inbox, newest first, with how many of their notifications are unread (on every page, whatever the filter).</summary>
public sealed record NotificationInboxPage(IReadOnlyList<NotificationView> Items, PageInfo Pagination, long UnreadCount);
