using System.Text.Json;

namespace Singr.Api.Hubs;

/// <summary>
/// A venue event as parsed once per process, for every connection that follows it: the payload clients see (without
/// the patron key) and what per-connection delivery decides on.
/// </summary>
internal sealed record ParsedEvent(JsonElement Payload, string? PatronKey, string? CommandHolder);
