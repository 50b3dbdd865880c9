using Singr.Grains.Interfaces.Runtime;

namespace Singr.Silo.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    /// <summary>Starts a timer whose every tick takes longer than its period.</summary>
    Task StartTimer(TimeSpan period, TimeSpan tickDuration);

    Task Deactivate();

    Task Ping();
}
