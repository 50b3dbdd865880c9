using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Storage;

namespace Singr.Silo.Hosting;

/// <summary>
/// A call whose state write lost to another activation (<see cref="InconsistentStateException"/>) committed nothing,
/// and Orleans deactivates the activation that threw. The call is sent once more, to a fresh activation that reads
/// the current state, so the caller sees success or a refusal on fresh state, never a lost update.
/// </summary>
internal sealed class StaleStateRetryFilter(ILogger<StaleStateRetryFilter> logger) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await context.Invoke();
            if (context.Response?.Exception is not InconsistentStateException)
            {
                return;
            }
        }
        catch (InconsistentStateException)
        {
        }

        logger.LogInformation("{Grain}.{Method} lost a state version race; retrying on a fresh activation", context.TargetId, context.MethodName);
        await context.Invoke();
    }
}
