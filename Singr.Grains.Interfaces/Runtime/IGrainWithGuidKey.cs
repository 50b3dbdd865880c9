namespace Singr.Grains.Interfaces.Runtime;

/// <summary>A grain addressed by a GUID key.</summary>
#pragma warning disable CA1040
public interface IGrainWithGuidKey : IGrain;
#pragma warning restore CA1040
