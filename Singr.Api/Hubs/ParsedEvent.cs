using System.Text.Json;

namespace Singr.Api.Hubs;

/// <summary>
/// A venue event as parsed once per process, for every connection that follows it: the payload clients see (as the
/// grain wrote it) and what per-connection delivery decides on: whose it also is, and their part.
/// </summary>
/// <param name="PatronKey">The patron the event also has a part for (the stream's audience column).</param>
/// <param name="Quota">The requesting patron's allowance after the change, for them alone; null when it did not change.</param>
/// <param name="PolicyChanged">The venue's quota tiers changed: every patron's allowance may have.</param>
internal sealed record ParsedEvent(JsonElement Payload, string? PatronKey, string? CommandHolder, JsonElement? Quota, bool PolicyChanged);
