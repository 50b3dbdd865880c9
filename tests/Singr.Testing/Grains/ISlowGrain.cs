using Singr.Grains.Interfaces.Runtime;

namespace Singr.Testing.Grains;

public interface ISlowGrain : IGrainWithStringKey
{
    Task Sleep(TimeSpan duration);
}
