using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Singr.Grains.Interfaces.Calls;

namespace Singr.Silo.Hosting;

/// <summary>
/// A silo that drains (SIGTERM) or dies refuses or loses calls that the rest of the cluster would take a moment later.
/// The caller should not see that: a call that never ran (rejected, or its connection refused) is sent again after a
/// short pause, a few times; a call that may have run (its silo went away or its answer never came) is sent once more
/// only when the method is <see cref="IdempotentAttribute"/>. Anything else reaches the caller as it came.
/// </summary>
internal sealed class UndeliveredCallRetryFilter(ILogger<UndeliveredCallRetryFilter> logger, TimeProvider time) : IOutgoingGrainCallFilter
{
    /// <summary>Long enough in all for a draining silo's grains to be placed elsewhere (a few seconds).</summary>
    private static readonly TimeSpan[] PausesBeforeResending =
    [
        TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400),
        TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(1600),
    ];

    private static readonly ConcurrentDictionary<MethodInfo, bool> IdempotentMethods = new();

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var resentOfUnknownOutcome = false;
        for (var attempt = 0; ; attempt++)
        {
            ExceptionDispatchInfo? thrown = null;
            try
            {
                await context.Invoke();
            }
            catch (Exception exception)
            {
                thrown = ExceptionDispatchInfo.Capture(exception);
            }

            var failure = thrown?.SourceException ?? context.Response?.Exception;
            var unknownOutcomeMayResend = failure is not null && MayHaveRun(failure) && !resentOfUnknownOutcome && IsIdempotent(context.InterfaceMethod);
            if (failure is null || attempt >= PausesBeforeResending.Length || !(NeverRan(failure) || unknownOutcomeMayResend))
            {
                thrown?.Throw();
                return;
            }

            resentOfUnknownOutcome |= unknownOutcomeMayResend;
            logger.LogWarning("{Grain}.{Method} was not answered ({Failure}); sending it again", context.TargetId, context.MethodName, failure!.GetType().Name);
            await Task.Delay(PausesBeforeResending[attempt], time);
        }
    }

    private static bool NeverRan(Exception failure) =>
        failure is OrleansMessageRejectionException or GatewayTooBusyException or ConnectionFailedException;

    private static bool MayHaveRun(Exception failure) =>
        failure is SiloUnavailableException or TimeoutException;

    private static bool IsIdempotent(MethodInfo? method) =>
        method is not null && IdempotentMethods.GetOrAdd(method, m => m.IsDefined(typeof(IdempotentAttribute), inherit: true));
}
