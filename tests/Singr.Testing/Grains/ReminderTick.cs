namespace Singr.Testing.Grains;

/// <summary>One reminder tick as the grain received it: when, and on which silo (Orleans's silo address text).</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.testing.ReminderTick")]
public sealed record ReminderTick(
    [property: Id(0)] string ReminderName,
    [property: Id(1)] DateTimeOffset ReceivedAt,
    [property: Id(2)] string Silo);
