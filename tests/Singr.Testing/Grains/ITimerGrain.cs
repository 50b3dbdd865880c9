using Singr.Grains.Interfaces.Runtime;

namespace Singr.Testing.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    /// <summary>Starts a timer whose every tick takes longer than its period.</summary>
    Task StartTimer(TimeSpan period, TimeSpan tickDuration);

    Task Deactivate();

    Task Ping();
}
