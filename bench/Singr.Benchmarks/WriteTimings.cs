using System.Collections.Concurrent;

namespace Singr.Benchmarks;

/// <summary>
/// How long each <c>IVersionedState.WriteAsync</c> took inside the grain (pool wait, the batch, the commit): the silos run in
/// this process, so the benchmark reads what its grains recorded and can split a write call into storage and the rest.
/// </summary>
internal static class WriteTimings
{
    private static ConcurrentQueue<double> _ms = new();

    public static void Add(TimeSpan elapsed) => _ms.Enqueue(elapsed.TotalMilliseconds);

    /// <summary>What was recorded since the last call, and starts afresh.</summary>
    public static IReadOnlyList<double> Take() => [.. Interlocked.Exchange(ref _ms, new ConcurrentQueue<double>())];
}
