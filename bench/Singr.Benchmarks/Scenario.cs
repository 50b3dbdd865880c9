using System.Diagnostics;

namespace Singr.Benchmarks;

internal static class Scenario
{
    /// <summary>When set, each measurement also records the CPU this process and the database's backends spent on it.</summary>
    public static CpuMeter? Meter { get; set; }

    /// <summary>Runs <paramref name="calls"/> calls, at most <paramref name="concurrency"/> at a time, timing each.</summary>
    public static async Task<Measurement> RunAsync(string name, int calls, int concurrency, Func<int, Task> call)
    {
        var latencies = new double[calls];
        var next = -1;
        var cpuBefore = Meter is null ? null : await Meter.SampleAsync();
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
        var elapsed = total.Elapsed;
        var cpuAfter = Meter is null ? null : await Meter.SampleAsync();
        return new Measurement(name, calls, elapsed, latencies)
        {
            ProcessCpu = cpuBefore is null ? null : cpuAfter!.ProcessSince(cpuBefore),
            DatabaseCpu = cpuBefore is null ? null : cpuAfter!.BackendsSince(cpuBefore),
        };
    }
}
