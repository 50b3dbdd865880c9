using System.Text.Json;

namespace Singr.Api.Hubs;

/// <summary>
/// A venue event as parsed once per process, for every connection that follows it: the payload clients see (without
/// the patron key and the patron's quota) and what per-connection delivery decides on.
/// </summary>
/// <param name="Quota">The requesting patron's allowance after the change, for them alone; null when it did not change.</param>
/// <param name="PolicyChanged">The venue's quota tiers changed: every patron's allowance may have.</param>
internal sealed record ParsedEvent(JsonElement Payload, string? PatronKey, string? CommandHolder, JsonElement? Quota, bool PolicyChanged);
