using Singr.Silo.Grains;

namespace Singr.Testing.Grains;

public sealed class GuidKeyedGrain : Grain, IGuidKeyedGrain
{
    public Task<Guid> GetKey() => Task.FromResult(GetPrimaryKey());
}
