namespace Singr.Grains.Interfaces.Queue;

public sealed record RequestAccepted(QueueItem Item, long QueueVersion);
