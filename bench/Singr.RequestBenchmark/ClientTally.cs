namespace Singr.RequestBenchmark;

/// <summary>One client's counts during one phase; only that client's loop writes it.</summary>
internal sealed class ClientTally
{
    public List<double> DurableLatenciesMs { get; } = [];

    /// <summary>Answers other than 201 and failed calls, by "status CODE" (or "exception Type").</summary>
    public Dictionary<string, int> Failures { get; } = new(StringComparer.Ordinal);

    public int QueueFull { get; set; }

    public void AddFailure(string key) => Failures[key] = Failures.GetValueOrDefault(key) + 1;
}
