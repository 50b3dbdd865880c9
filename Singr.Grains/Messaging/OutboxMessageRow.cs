using Singr.Grains.Persistence;

namespace Singr.Grains.Messaging;

/// <summary>
/// An <c>outbox_messages</c> row: an email or SMS to send once the grain's write commits (and never if it does not).
/// The outbox worker renders <paramref name="Kind"/>'s template with <paramref name="Values"/> at send time.
/// </summary>
/// <param name="MessageId">Also the idempotency key given to providers that take one (and the email's Message-ID).</param>
/// <param name="Channel">email or sms (<see cref="Interfaces.Messaging.MessageChannels"/>).</param>
/// <param name="Kind">The template (<see cref="Interfaces.Messaging.MessageKinds"/>).</param>
/// <param name="UserId">The recipient's account: its address is looked up at send time when <paramref name="Recipient"/> is null, and the per-user limits count against it.</param>
/// <param name="Recipient">An address fixed now (an invitee with no account, a phone being verified).</param>
/// <param name="Preference">A <see cref="Interfaces.Messaging.NotificationKinds"/> value the user can switch off for this channel; null for messages always sent (security codes, receipts).</param>
public sealed record OutboxMessageRow(
    Guid MessageId,
    string Channel,
    string Kind,
    Guid? UserId,
    string? Recipient,
    string? Preference,
    IReadOnlyDictionary<string, string> Values) : ISideRow;
