namespace Singr.Grains.Interfaces.Queue;

/// <param name="Seq">Increases by one per command at a venue: the player acknowledges up to a number.</param>
public sealed record PlayerCommand(long Seq, string Command, double? Value, DateTimeOffset IssuedAt);
