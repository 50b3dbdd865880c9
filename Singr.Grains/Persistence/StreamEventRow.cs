namespace Singr.Grains.Persistence;

/// <summary>
/// Event <paramref name="Sequence"/> of a stream (1, 2, 3, … with no gaps: the grain is the stream's only writer). Once
/// the write commits, every process's subscribers are woken.
/// </summary>
/// <param name="PayloadJson">What everyone following the stream is sent.</param>
/// <param name="Audience">Who the event also has a part for (a patron key), if anyone.</param>
/// <param name="AudiencePayloadJson">That part, for them alone (their allowance after the change).</param>
public sealed record StreamEventRow(
    string StreamId, long Sequence, string EventType, string PayloadJson, string? Audience = null, string? AudiencePayloadJson = null) : ISideRow;
