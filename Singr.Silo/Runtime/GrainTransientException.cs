using Singr.Silo.Grains;

namespace Singr.Silo.Runtime;

/// <summary>
/// The call could not complete now but nothing of it was committed: the caller may retry (with backoff).
/// Raised, for example, when a grain lost a state-version race twice in a row.
/// </summary>
public sealed class GrainTransientException : Exception
{
    public GrainTransientException(GrainId grainId, string message, Exception? innerException = null)
        : base($"{grainId}: {message}", innerException)
    {
        GrainId = grainId;
    }

    public GrainId GrainId { get; }
}
