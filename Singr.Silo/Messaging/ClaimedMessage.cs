namespace Singr.Silo.Messaging;

/// <summary>An outbox message a worker holds, with the attempt it is on (1 for the first).</summary>
public sealed record ClaimedMessage(
    Guid Id,
    string Channel,
    string Kind,
    Guid? UserId,
    string? Recipient,
    string? Preference,
    IReadOnlyDictionary<string, string> Values,
    int Attempt);
