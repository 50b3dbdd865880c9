namespace Singr.Grains.Interfaces.Runtime;

/// <summary>A grain addressed by a string key (for example a venue's UUID in text form or a user id).</summary>
#pragma warning disable CA1040
public interface IGrainWithStringKey : IGrain;
#pragma warning restore CA1040
