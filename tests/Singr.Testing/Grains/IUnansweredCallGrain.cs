using Singr.Grains.Interfaces.Calls;

namespace Singr.Testing.Grains;

/// <summary>
/// Fails its first calls the way a draining or dead silo fails them, so a test sees which failures the cluster sends
/// again and how often. Each method returns how many times it has been called on this activation.
/// </summary>
[Alias("singr.testing.IUnansweredCallGrain")]
public interface IUnansweredCallGrain : IGrainWithStringKey
{
    /// <summary>The first <paramref name="times"/> calls are rejected, as a stopping silo rejects them (they never ran).</summary>
    [Alias("RejectedFirst")]
    Task<int> RejectedFirst(int times);

    /// <summary>The first <paramref name="times"/> calls time out after running: their outcome is unknown to the caller.</summary>
    [Alias("TimedOutFirst")]
    Task<int> TimedOutFirst(int times);

    /// <inheritdoc cref="TimedOutFirst"/>
    [Idempotent]
    [Alias("IdempotentTimedOutFirst")]
    Task<int> IdempotentTimedOutFirst(int times);
}
