using Singr.Grains.Interfaces.Runtime;
using Singr.Silo.Grains;

namespace Singr.Silo.Runtime;

internal sealed class GrainFactory(GrainCallRouter router, GrainTypeRegistry registry) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return GrainReference.Create<TGrainInterface>(router, new GrainId(registry.TypeNameFor(typeof(TGrainInterface)), key));
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid key)
        where TGrainInterface : IGrainWithGuidKey =>
        GrainReference.Create<TGrainInterface>(router, new GrainId(registry.TypeNameFor(typeof(TGrainInterface)), key.ToString("D")));
}
