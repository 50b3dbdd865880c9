namespace Singr.Api.Notifications;

/// <summary>One kind's channels as a PUT gives them: all three, true or false.</summary>
public sealed record NotificationChoiceBody(bool? Email, bool? Sms, bool? InApp);
