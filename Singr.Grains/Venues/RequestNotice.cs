namespace Singr.Grains.Venues;

/// <summary>What one user is told about a request: which <see cref="Interfaces.Messaging.NotificationKinds"/> value, with what message.</summary>
/// <param name="Message">The host's message with an answer, or the patron's reply; null when there was none.</param>
public sealed record RequestNotice(Guid UserId, string Kind, string? Message);
