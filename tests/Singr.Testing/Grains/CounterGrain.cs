using Singr.Grains.Persistence;

namespace Singr.Testing.Grains;

/// <summary>
/// Every increment writes the state. Each call counts itself in while it runs, with awaits inside the turn, so if two
/// calls of one activation ever ran at once the in-flight count would pass 1 and the overlap would be recorded.
/// </summary>
[GrainType("test-counter")]
public sealed class CounterGrain([VersionedState("test-counter")] IVersionedState<CounterState> state) : Grain, ICounterGrain
{
    private readonly Guid _activationId = Guid.NewGuid();
    private int _inFlight;
    private bool _overlapDetected;

    public Task<long> Increment() => Turn(async () =>
    {
        state.State.Count++;
        await Task.Yield();
        await state.WriteAsync();
        return state.State.Count;
    });

    public Task<long> IncrementAtGate(string gate) => Turn(async () =>
    {
        state.State.Count++;
        await CallGate.PassAsync(gate);
        await state.WriteAsync();
        return state.State.Count;
    });

    public Task<long> GetCount() => Turn(() => Task.FromResult(state.State.Count));

    public Task<bool> GetOverlapDetected() => Task.FromResult(_overlapDetected);

    public Task<ActivationInfo> Describe() =>
        Task.FromResult(new ActivationInfo(_activationId, GrainContext.Address.SiloAddress!, state.Version));

    private async Task<T> Turn<T>(Func<Task<T>> body)
    {
        if (Interlocked.Increment(ref _inFlight) > 1)
        {
            _overlapDetected = true;
        }

        try
        {
            await Task.Yield();
            return await body();
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
