namespace Singr.Silo.Messaging;

/// <param name="MessageId">The outbox row's id: the email's Message-ID, so a relay or inbox can tell a resend.</param>
public sealed record OutgoingEmail(Guid MessageId, string To, string Subject, string Text, string Html);
