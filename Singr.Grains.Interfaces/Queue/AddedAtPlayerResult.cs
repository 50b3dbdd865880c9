namespace Singr.Grains.Interfaces.Queue;

/// <summary>What became of a song added at the player: queued as <paramref name="ItemId"/>, or refused by a rule.</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.AddedAtPlayerResult")]
public sealed record AddedAtPlayerResult(
    [property: Id(0)] Guid LocalId,
    [property: Id(1)] Guid? ItemId,
    [property: Id(2)] string? Refusal);
