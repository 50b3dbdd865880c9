using System.Diagnostics;
using Orleans;
using Orleans.Runtime;
using Singr.Grains.Persistence;

namespace Singr.Benchmarks;

/// <summary>The benchmark's own grain: a counter whose every increment is a versioned-state write through Singr's storage.</summary>
[Alias("singr.bench.IBenchCounterGrain")]
public interface IBenchCounterGrain : IGrainWithStringKey
{
    /// <summary>Increments and writes the state (one PostgreSQL transaction); the committed count.</summary>
    [Alias("Increment")]
    Task<long> Increment();

    /// <summary>Reads the count from memory: no database.</summary>
    [Alias("GetCount")]
    Task<long> GetCount();

    /// <summary>The silo this activation lives on.</summary>
    [Alias("GetSilo")]
    Task<string> GetSilo();
}

/// <summary>Stored as JSON in grain_state under grain type "bench-counter".</summary>
public sealed class BenchCounterState
{
    public long Count { get; set; }
}

[GrainType("bench-counter")]
public sealed class BenchCounterGrain([VersionedState("bench-counter")] IVersionedState<BenchCounterState> state) : Grain, IBenchCounterGrain
{
    public async Task<long> Increment()
    {
        state.State.Count++;
        var started = Stopwatch.GetTimestamp();
        await state.WriteAsync();
        WriteTimings.Add(Stopwatch.GetElapsedTime(started));
        return state.State.Count;
    }

    public Task<long> GetCount() => Task.FromResult(state.State.Count);

    public Task<string> GetSilo() => Task.FromResult(GrainContext.Address.SiloAddress?.ToString() ?? "?");
}
