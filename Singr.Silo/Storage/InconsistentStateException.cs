using Singr.Silo.Grains;

namespace Singr.Silo.Storage;

/// <summary>A state write expected a version that is no longer the stored one: another activation wrote first.</summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException(GrainId grainId, long expectedVersion)
        : base($"The stored state of {grainId} is no longer at version {expectedVersion}: another activation wrote first.")
    {
        GrainId = grainId;
        ExpectedVersion = expectedVersion;
    }

    public GrainId GrainId { get; }

    public long ExpectedVersion { get; }
}
