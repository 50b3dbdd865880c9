namespace Singr.Grains.Persistence;

/// <summary>
/// Event <paramref name="Sequence"/> of a stream (1, 2, 3, … with no gaps: the grain is the stream's only writer). Once
/// the write commits, every process's subscribers are woken.
/// </summary>
public sealed record StreamEventRow(string StreamId, long Sequence, string EventType, string PayloadJson) : ISideRow;
