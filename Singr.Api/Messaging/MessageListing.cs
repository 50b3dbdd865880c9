namespace Singr.Api.Messaging;

/// <summary>One outbox message as platform staff see it (never its template values: they hold tokens and codes).</summary>
public sealed record MessageListing(
    Guid Id,
    string Channel,
    string Kind,
    Guid? UserId,
    string? Recipient,
    string Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    string? SkipReason,
    string? Subject,
    string? ProviderMessageId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset UpdatedAt);
