using System.Globalization;

namespace Singr.RequestBenchmark;

/// <summary>One phase's figures: durable requests (201s) per second, their latencies, and everything that was not a 201.</summary>
internal sealed class LoadResult
{
    private readonly double[] _sortedLatenciesMs;

    public LoadResult(string phase, TimeSpan elapsed, IReadOnlyList<ClientTally> tallies, int fullVenues)
    {
        FullVenues = fullVenues;
        ArgumentNullException.ThrowIfNull(tallies);
        Phase = phase;
        Elapsed = elapsed;
        _sortedLatenciesMs = [.. tallies.SelectMany(t => t.DurableLatenciesMs).Order()];
        QueueFull = tallies.Sum(t => t.QueueFull);
        Failures = tallies
            .SelectMany(t => t.Failures)
            .GroupBy(pair => pair.Key, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value), StringComparer.Ordinal);
    }

    public string Phase { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Requests answered 201: acknowledged after their transaction committed.</summary>
    public int Durable => _sortedLatenciesMs.Length;

    public double DurablePerSecond => Durable / Elapsed.TotalSeconds;

    /// <summary>422 QUEUE_FULL answers: a venue's queue held its 1,000 items; counted apart from the other failures.</summary>
    public int QueueFull { get; }

    /// <summary>Venues that had answered QUEUE_FULL by the end of the phase (the warm-up's included).</summary>
    public int FullVenues { get; }

    public IReadOnlyDictionary<string, int> Failures { get; }

    /// <summary>Calls that threw (time-out, connection lost): the server may have committed them without our knowing.</summary>
    public int Exceptions => Failures.Where(pair => pair.Key.StartsWith("exception", StringComparison.Ordinal)).Sum(pair => pair.Value);

    public double PercentileMs(double percent) =>
        _sortedLatenciesMs.Length == 0
            ? double.NaN
            : _sortedLatenciesMs[Math.Clamp((int)Math.Ceiling(percent / 100 * _sortedLatenciesMs.Length) - 1, 0, _sortedLatenciesMs.Length - 1)];

    public double MaxMs => _sortedLatenciesMs.Length == 0 ? double.NaN : _sortedLatenciesMs[^1];

    public IEnumerable<string> Describe()
    {
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $"{Phase}: {Durable} durable requests in {Elapsed.TotalSeconds:0.0} s = {DurablePerSecond:0.0} durable requests/s");
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $"{Phase}: latency of durable requests p50 {PercentileMs(50):0.00} ms, p99 {PercentileMs(99):0.00} ms, max {MaxMs:0.00} ms");
        yield return string.Create(CultureInfo.InvariantCulture, $"{Phase}: QUEUE_FULL (422, not counted as durable): {QueueFull}; venues full: {FullVenues}");
        if (FullVenues > 0)
        {
            yield return $"WARNING: {FullVenues} venue queues filled up, so this rate is bounded by queue capacity, not by the server: run again with more venues (--venues)";
        }

        yield return Failures.Count == 0
            ? $"{Phase}: other answers: none"
            : $"{Phase}: other answers: " + string.Join(", ", Failures.Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key} x{pair.Value}")));
    }
}
