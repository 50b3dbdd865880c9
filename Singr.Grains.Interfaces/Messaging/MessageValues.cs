namespace Singr.Grains.Interfaces.Messaging;

/// <summary>
/// The names of the values a template reads. What each kind takes:
/// <list type="bullet">
/// <item><c>email_verification</c>: name, token (the page link is built from it; 24 h).</item>
/// <item><c>password_reset</c>: name, token (1 h).</item>
/// <item><c>magic_link</c>: token (15 min), clientAddress.</item>
/// <item><c>two_factor_code</c> (email or SMS) and <c>sms_verification</c>: code (6 digits, 5 min).</item>
/// <item><c>welcome</c>: name.</item>
/// <item><c>invitation</c>: inviterName, organisationName, role, token (7 days).</item>
/// <item><c>request_notification</c>: notification (a <see cref="NotificationKinds"/> value), venueName, title, artist, singerName, message (the host's answer or the patron's reply).</item>
/// <item><c>purchase_confirmation</c>: package, credits, amount (e.g. 10.00), currency, balance.</item>
/// </list>
/// </summary>
public static class MessageValues
{
    public const string Name = "name";
    public const string Token = "token";
    public const string Code = "code";
    public const string ClientAddress = "clientAddress";
    public const string InviterName = "inviterName";
    public const string OrganisationName = "organisationName";
    public const string Role = "role";
    public const string Notification = "notification";
    public const string VenueName = "venueName";
    public const string Title = "title";
    public const string Artist = "artist";
    public const string SingerName = "singerName";
    public const string Message = "message";
    public const string Package = "package";
    public const string Credits = "credits";
    public const string Amount = "amount";
    public const string Currency = "currency";
    public const string Balance = "balance";
}
