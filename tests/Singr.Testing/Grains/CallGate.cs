using System.Collections.Concurrent;

namespace Singr.Testing.Grains;

/// <summary>
/// Holds a grain call at a named point until the test opens it. The silos of a TestCluster run in the test's
/// process, so a static is shared by the test and its grains.
/// </summary>
public static class CallGate
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Arrivals = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Openings = new(StringComparer.Ordinal);

    /// <summary>Completes once a call has reached the gate.</summary>
    public static Task Arrived(string gate) => Get(Arrivals, gate).Task;

    public static void Open(string gate) => Get(Openings, gate).TrySetResult();

    /// <summary>Called by the grain: reports its arrival, then waits for the gate to open.</summary>
    public static Task PassAsync(string gate)
    {
        Get(Arrivals, gate).TrySetResult();
        return Get(Openings, gate).Task;
    }

    private static TaskCompletionSource Get(ConcurrentDictionary<string, TaskCompletionSource> gates, string gate) =>
        gates.GetOrAdd(gate, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
