using Singr.Grains.Interfaces.Messaging;

namespace Singr.Grains.Messaging;

/// <summary>Builds outbox rows for a grain's write.</summary>
public static class Outbox
{
    /// <summary>An email to an account (its address looked up when sent).</summary>
    public static OutboxMessageRow EmailToUser(Guid userId, string kind, IReadOnlyDictionary<string, string> values, string? preference = null) =>
        new(Guid.NewGuid(), MessageChannels.Email, kind, userId, Recipient: null, preference, values);

    /// <summary>An email to an address (an invitee who may have no account yet, a guest's Stripe receipt address).</summary>
    public static OutboxMessageRow EmailTo(string address, string kind, IReadOnlyDictionary<string, string> values, Guid? userId = null) =>
        new(Guid.NewGuid(), MessageChannels.Email, kind, userId, address, Preference: null, values);

    /// <summary>An SMS to an account's verified phone (looked up when sent).</summary>
    public static OutboxMessageRow SmsToUser(Guid userId, string kind, IReadOnlyDictionary<string, string> values, string? preference = null) =>
        new(Guid.NewGuid(), MessageChannels.Sms, kind, userId, Recipient: null, preference, values);

    /// <summary>An SMS to a number not yet verified on the account (the code that verifies it).</summary>
    public static OutboxMessageRow SmsTo(string phone, Guid userId, string kind, IReadOnlyDictionary<string, string> values) =>
        new(Guid.NewGuid(), MessageChannels.Sms, kind, userId, phone, Preference: null, values);
}
