using Singr.Silo.Grains;

namespace Singr.Testing.Grains;

public sealed class TimerGrain : Grain, ITimerGrain
{
    private int _ticksRunning;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        GrainProbe.Activations.AddOrUpdate(GetPrimaryKeyString(), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        GrainProbe.Deactivations.GetOrAdd(GetPrimaryKeyString(), _ => new()).Enqueue(reason.ToString());
        return Task.CompletedTask;
    }

    public Task StartTimer(TimeSpan period, TimeSpan tickDuration)
    {
        var key = GetPrimaryKeyString();
        RegisterGrainTimer(
            async _ =>
            {
                if (Interlocked.Increment(ref _ticksRunning) != 1)
                {
                    GrainProbe.OverlappingTicks.AddOrUpdate(key, 1, (_, n) => n + 1);
                }

                await Task.Delay(tickDuration, CancellationToken.None);
                GrainProbe.TimerTicks.AddOrUpdate(key, 1, (_, n) => n + 1);
                Interlocked.Decrement(ref _ticksRunning);
            },
            period,
            period);
        return Task.CompletedTask;
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task Ping() => Task.CompletedTask;
}
