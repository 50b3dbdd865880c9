namespace Singr.Grains.Interfaces.Runtime;

/// <summary>When a reminder tick was due, its period, and when it was actually delivered.</summary>
public readonly record struct TickStatus(DateTimeOffset DueAt, TimeSpan Period, DateTimeOffset CurrentTime);
