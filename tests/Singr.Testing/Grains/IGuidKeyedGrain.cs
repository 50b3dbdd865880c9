using Singr.Grains.Interfaces.Runtime;

namespace Singr.Testing.Grains;

public interface IGuidKeyedGrain : IGrainWithGuidKey
{
    Task<Guid> GetKey();
}
