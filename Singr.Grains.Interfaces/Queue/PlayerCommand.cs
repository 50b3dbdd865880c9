namespace Singr.Grains.Interfaces.Queue;

/// <param name="Seq">Increases by one per command at a venue: the player acknowledges up to a number.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.PlayerCommand")]
public sealed record PlayerCommand(
    [property: Id(0)] long Seq,
    [property: Id(1)] string Command,
    [property: Id(2)] double? Value,
    [property: Id(3)] DateTimeOffset IssuedAt,
    [property: Id(4)] string? Quality = null);
