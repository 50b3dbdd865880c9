using Singr.Api.Http;

namespace Singr.Api.Messaging;

/// <summary>The outbox at a glance: how many messages are in each status, and a page of them.</summary>
public sealed record OutboxView(IReadOnlyDictionary<string, long> Counts, Page<MessageListing> Messages);
