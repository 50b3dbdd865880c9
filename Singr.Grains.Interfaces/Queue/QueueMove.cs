namespace Singr.Grains.Interfaces.Queue;

public sealed record QueueMove(Guid Id, int Position);
