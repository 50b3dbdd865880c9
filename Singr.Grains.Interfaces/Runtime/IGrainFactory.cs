namespace Singr.Grains.Interfaces.Runtime;

/// <summary>Returns references to grains. A reference is cheap, can be kept, and activates its grain on first call.</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;

    TGrainInterface GetGrain<TGrainInterface>(Guid key)
        where TGrainInterface : IGrainWithGuidKey;
}
