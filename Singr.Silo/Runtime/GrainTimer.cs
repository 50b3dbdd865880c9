using Microsoft.Extensions.Logging;

namespace Singr.Silo.Runtime;

/// <summary>An activation-bound timer. The next tick is scheduled after the previous one ran, so ticks never overlap.</summary>
internal sealed class GrainTimer(
    GrainActivation activation,
    Func<CancellationToken, Task> callback,
    TimeSpan dueTime,
    TimeSpan period,
    ILogger logger) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public void Start() => _ = Task.Run(RunAsync);

    public void Dispose()
    {
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
            activation.ForgetTimer(this);
        }
    }

    private async Task RunAsync()
    {
        var timeProvider = activation.Runtime.TimeProvider;
        try
        {
            await Task.Delay(dueTime, timeProvider, _stop.Token);
            while (!_stop.IsCancellationRequested && await activation.RunTimerTickAsync(callback))
            {
                if (period == Timeout.InfiniteTimeSpan)
                {
                    break;
                }

                await Task.Delay(period, timeProvider, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The timer of {GrainId} stopped", activation.GrainId);
        }
    }
}
