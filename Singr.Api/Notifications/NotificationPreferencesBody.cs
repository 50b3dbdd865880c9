namespace Singr.Api.Notifications;

/// <summary>
/// <c>{"kinds": {"request_approved": {"email": true, "sms": false, "inApp": true}, …}}</c>: the kinds given are set,
/// the others keep their choice.
/// </summary>
public sealed record NotificationPreferencesBody(Dictionary<string, NotificationChoiceBody?>? Kinds);
