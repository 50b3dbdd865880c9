namespace Singr.Silo.Messaging;

public sealed record OutgoingSms(Guid MessageId, string To, string Body);
