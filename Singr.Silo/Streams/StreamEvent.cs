namespace Singr.Silo.Streams;

/// <param name="PayloadJson">What everyone following the stream is sent.</param>
/// <param name="Audience">Who the event also has a part for (a patron key), if anyone.</param>
/// <param name="AudiencePayloadJson">That part, for them alone.</param>
public sealed record StreamEvent(
    string StreamId, long Sequence, string EventType, string PayloadJson, DateTimeOffset CreatedAt, string? Audience = null, string? AudiencePayloadJson = null);
