namespace Singr.Testing.Grains;

/// <summary>A counter whose every increment is a state write, and which notices if two of its calls ever overlap.</summary>
[Alias("singr.testing.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    /// <returns>The count this call committed.</returns>
    [Alias("Increment")]
    Task<long> Increment();

    /// <summary>
    /// Increments in memory, tells <see cref="CallGate.Arrived"/> it got that far, and writes only once the test opens
    /// the gate <paramref name="gate"/>: so a test can change the world between a turn's start and its write.
    /// </summary>
    [Alias("IncrementAtGate")]
    Task<long> IncrementAtGate(string gate);

    [Alias("GetCount")]
    Task<long> GetCount();

    /// <summary>True if this activation ever saw a call start while another of its calls was still running.</summary>
    [Alias("GetOverlapDetected")]
    Task<bool> GetOverlapDetected();

    [Alias("Describe")]
    Task<ActivationInfo> Describe();
}
