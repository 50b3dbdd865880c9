namespace Singr.Api.Payments;

/// <param name="Applied">The event changed a purchase (credits added, or the checkout recorded as expired).</param>
public sealed record WebhookHandled(string EventId, string EventType, bool Applied);
