using Singr.Silo.Runtime;
using Singr.Silo.Tests.Grains;

namespace Singr.Silo.Tests;

internal static class TestGrains
{
    public static void Register(GrainTypeRegistry registry) => registry.AddGrainsFromAssembly(typeof(CounterGrain).Assembly);
}
