using Singr.Grains.Interfaces.Runtime;

namespace Singr.Testing.Grains;

public interface IEventingGrain : IGrainWithStringKey
{
    /// <returns>The sequence number of the raised event.</returns>
    Task<long> Raise(string eventType);
}
