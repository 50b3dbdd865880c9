namespace Singr.Grains.Interfaces.Messaging;

/// <summary>
/// The templates an outbox message is rendered from: the Singr backend plan's EMAIL_TYPES and SMS_TYPES, plus the
/// purchase confirmation.
/// </summary>
public static class MessageKinds
{
    public const string EmailVerification = "email_verification";
    public const string PasswordReset = "password_reset";
    public const string MagicLink = "magic_link";
    public const string TwoFactorCode = "two_factor_code";
    public const string Welcome = "welcome";
    public const string Invitation = "invitation";
    public const string RequestNotification = "request_notification";
    public const string PurchaseConfirmation = "purchase_confirmation";
    public const string SmsVerification = "sms_verification";

    public static IReadOnlyList<string> All { get; } =
        [EmailVerification, PasswordReset, MagicLink, TwoFactorCode, Welcome, Invitation, RequestNotification, PurchaseConfirmation, SmsVerification];
}
