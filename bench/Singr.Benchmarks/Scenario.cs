using System.Diagnostics;

namespace Singr.Benchmarks;

internal static class Scenario
{
    /// <summary>Runs <paramref name="calls"/> calls, at most <paramref name="concurrency"/> at a time, timing each.</summary>
    public static async Task<Measurement> RunAsync(string name, int calls, int concurrency, Func<int, Task> call)
    {
        var latencies = new double[calls];
        var next = -1;
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                var started = Stopwatch.GetTimestamp();
                await call(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        await Task.WhenAll(workers);
        return new Measurement(name, calls, total.Elapsed, latencies);
    }
}
