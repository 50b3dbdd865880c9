using Microsoft.Extensions.Options;
using Singr.Grains.Interfaces.Messaging;
using V = Singr.Grains.Interfaces.Messaging.MessageValues;

namespace Singr.Silo.Messaging;

/// <summary>
/// The text and HTML of every message kind (the Singr backend plan's EMAIL_TYPES and SMS_TYPES, with their links and
/// expiries), rendered from an outbox row's values when it is sent.
/// </summary>
public sealed class MessageTemplates(IOptions<MessagingOptions> options)
{
    public RenderedMessage Render(string channel, string kind, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string Value(string name) => values.TryGetValue(name, out var value) ? value : string.Empty;
        if (channel == MessageChannels.Sms)
        {
            var body = kind switch
            {
                MessageKinds.TwoFactorCode => $"Your Singr sign-in code is {Value(V.Code)}. It expires in 5 minutes. Never share it.",
                MessageKinds.SmsVerification => $"Your Singr code to verify this phone is {Value(V.Code)}. It expires in 5 minutes.",
                MessageKinds.MagicLink => $"Sign in to Singr: {Page("account.html", "magic", Value(V.Token)).AbsoluteUri} (15 minutes)",
                MessageKinds.RequestNotification => RequestNotice(values).Subject,
                _ => throw new UnknownMessageKindException($"No SMS template for message kind '{kind}'."),
            };
            return new RenderedMessage(body, body, body);
        }

        return EmailContent(kind, values, Value).Render();
    }

    private MessageContent EmailContent(string kind, IReadOnlyDictionary<string, string> values, Func<string, string> value) => kind switch
    {
        MessageKinds.EmailVerification => new(
            "Verify your Singr account",
            [$"Hi {value(V.Name)},", "Please confirm this is your email address. The link works once, for 24 hours."],
            Page("account.html", "verify", value(V.Token)),
            "Verify my email"),
        MessageKinds.PasswordReset => new(
            "Reset your Singr password",
            [$"Hi {value(V.Name)},", "Someone asked to reset the password of your Singr account. The link works once, for 1 hour. If it was not you, ignore this email: your password stays as it is."],
            Page("account.html", "reset", value(V.Token)),
            "Choose a new password"),
        MessageKinds.MagicLink => new(
            "Sign in to Singr",
            [$"Someone asked to sign in to Singr as this email address (from {value(V.ClientAddress)}). The link works once, for 15 minutes. If it was not you, ignore this email."],
            Page("account.html", "magic", value(V.Token)),
            "Sign in"),
        MessageKinds.TwoFactorCode => new(
            "Your Singr verification code",
            [$"Your code is {value(V.Code)}.", "It expires in 5 minutes. Never share it with anyone."]),
        MessageKinds.Welcome => new(
            "Welcome to Singr!",
            [$"Hi {value(V.Name)},", "Your account is ready. Find a venue, pick a song and get on the list."],
            Page("index.html", name: null, value: null),
            "Open Singr"),
        MessageKinds.Invitation => new(
            $"{value(V.InviterName)} invited you to {value(V.OrganisationName)}",
            [$"{value(V.InviterName)} invited you to join {value(V.OrganisationName)} on Singr as {value(V.Role).Replace('_', ' ')}.", "The invitation is good for 7 days. Sign in or create an account with this email address to accept it."],
            Page("account.html", "invitation", value(V.Token)),
            "Accept the invitation"),
        MessageKinds.RequestNotification => RequestNotice(values),
        MessageKinds.PurchaseConfirmation => new(
            $"Your {value(V.Credits)} Singr credits",
            [$"Thank you! Your payment of {value(V.Amount)} {value(V.Currency).ToUpperInvariant()} for the {value(V.Package)} package went through.", $"{value(V.Credits)} credits were added. Your balance is now {value(V.Balance)} credits."]),
        _ => throw new UnknownMessageKindException($"No email template for message kind '{kind}'."),
    };

    private static MessageContent RequestNotice(IReadOnlyDictionary<string, string> values)
    {
        string Value(string name) => values.TryGetValue(name, out var value) ? value : string.Empty;
        var song = string.IsNullOrEmpty(Value(V.Artist)) ? $"\"{Value(V.Title)}\"" : $"\"{Value(V.Title)}\" by {Value(V.Artist)}";
        var venue = Value(V.VenueName);
        var message = Value(V.Message);
        var said = string.IsNullOrWhiteSpace(message) ? [] : new[] { $"Their message: \"{message}\"" };
        return Value(V.Notification) switch
        {
            NotificationKinds.RequestApproved => new($"Your request at {venue} was approved", [$"Good news: {song} is on the list at {venue}.", .. said]),
            NotificationKinds.RequestRejected => new($"Your request at {venue} was declined", [$"The host at {venue} declined {song}.", .. said]),
            NotificationKinds.RequestFulfilled => new($"You sang {song} at {venue}", [$"Your request {song} at {venue} was performed. Thanks for singing!"]),
            NotificationKinds.RequestReplied => new(
                $"{Value(V.SingerName)} replied about {song}",
                [$"{Value(V.SingerName)} replied to your answer about {song} at {venue}.", .. said]),
            var other => throw new UnknownMessageKindException($"No request notification template for '{other}'."),
        };
    }

    private Uri Page(string path, string? name, string? value)
    {
        var query = name is null ? string.Empty : $"?{name}={Uri.EscapeDataString(value ?? string.Empty)}";
        return new Uri(options.Value.PublicBaseUrl, path + query);
    }
}
