using System.Globalization;

namespace Singr.Benchmarks;

/// <summary>One scenario's figures: calls per second and latency percentiles (and, when measured, CPU per call).</summary>
internal sealed record Measurement(string Scenario, int Calls, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    /// <summary>CPU of this process (silos, front end and callers alike) during the scenario.</summary>
    public TimeSpan? ProcessCpu { get; init; }

    /// <summary>CPU of the PostgreSQL backends serving the benchmark database during the scenario.</summary>
    public TimeSpan? DatabaseCpu { get; init; }

    public double Percentile(double p)
    {
        var sorted = LatenciesMs.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Scenario,-58} {Calls,7} calls {CallsPerSecond,9:0} /s   p50 {Percentile(50),7:0.00} ms   p99 {Percentile(99),7:0.00} ms{Cpu()}");

    private string Cpu() => ProcessCpu is not { } process
        ? string.Empty
        : string.Create(
            CultureInfo.InvariantCulture,
            $"   CPU/call: process {process.TotalMilliseconds * 1000 / Calls,6:0} us, PostgreSQL {DatabaseCpu!.Value.TotalMilliseconds * 1000 / Calls,5:0} us");
}
