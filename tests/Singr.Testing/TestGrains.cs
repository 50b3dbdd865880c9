using Singr.Silo.Runtime;
using Singr.Testing.Grains;

namespace Singr.Testing;

public static class TestGrains
{
    public static void Register(GrainTypeRegistry registry) => registry.AddGrainsFromAssembly(typeof(CounterGrain).Assembly);
}
