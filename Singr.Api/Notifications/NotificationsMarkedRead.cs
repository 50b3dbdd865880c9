namespace Singr.Api.Notifications;

/// <summary>What marking all read did: how many were unread until now, and how many still are (0).</summary>
public sealed record NotificationsMarkedRead(long Marked, long UnreadCount);
