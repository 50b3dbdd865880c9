using Singr.Grains.Interfaces.Runtime;

namespace Singr.Testing.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    /// <returns>The count after this increment.</returns>
    Task<long> Increment();

    Task<long> GetCount();

    /// <summary>Identifies the activation that answers, to see when a call ran on a fresh one.</summary>
    Task<Guid> GetActivationId();
}
