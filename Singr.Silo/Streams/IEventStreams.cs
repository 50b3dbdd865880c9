namespace Singr.Silo.Streams;

/// <summary>Reads and follows event streams written by grains, from any process of the cluster.</summary>
public interface IEventStreams
{
    /// <summary>
    /// Delivers every event after <paramref name="afterSequence"/>, then each new one, once and in sequence order,
    /// until the subscription is disposed. Handlers of one subscription run one at a time.
    /// </summary>
    Task<IAsyncDisposable> SubscribeAsync(
        string streamId,
        long afterSequence,
        Func<StreamEvent, CancellationToken, Task> onEvent,
        CancellationToken cancellationToken);

    Task<IReadOnlyList<StreamEvent>> ReadAsync(string streamId, long afterSequence, int limit, CancellationToken cancellationToken);
}
