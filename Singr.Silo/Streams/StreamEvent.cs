namespace Singr.Silo.Streams;

public sealed record StreamEvent(string StreamId, long Sequence, string EventType, string PayloadJson, DateTimeOffset CreatedAt);
