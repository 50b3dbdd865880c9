using Singr.Silo.Grains;

namespace Singr.Testing.Grains;

/// <summary>Takes as long as it is told: a grain stuck on something slow.</summary>
public sealed class SlowGrain : Grain, ISlowGrain
{
    public Task Sleep(TimeSpan duration) => Task.Delay(duration);
}
