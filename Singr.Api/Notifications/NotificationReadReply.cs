namespace Singr.Api.Notifications;

/// <summary>A notification marked read (marking it again changes nothing), with the inbox's unread count after it.</summary>
public sealed record NotificationReadReply(NotificationView Notification, long UnreadCount);
