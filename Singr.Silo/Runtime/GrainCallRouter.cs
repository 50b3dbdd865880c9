using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Singr.Silo.Cluster;
using Singr.Silo.Forwarding;

namespace Singr.Silo.Runtime;

/// <summary>
/// Sends each grain call to the one silo that hosts (or should host) its grain: here when this silo hosts it or
/// placement picks this silo, otherwise forwarded over the internal endpoint. A call is forwarded at most
/// <see cref="ClusterOptions.MaxForwards"/> times; a silo that turns out not to take it (gone, leaving, fenced) is left
/// out and the grain located again. Front ends (role <c>api</c>) have no local runtime and always forward.
/// </summary>
internal sealed class GrainCallRouter(
    GrainLocator locator,
    ClusterMembershipView membership,
    SiloClient client,
    IOptions<ClusterOptions> options,
    ILogger<GrainCallRouter> logger,
    SiloRuntime? runtime = null,
    SiloFencing? fencing = null)
{
    private const int MaxAttempts = 4;

    public Guid? LocalSiloId => runtime?.Identity.SiloId;

    public async Task<object?> CallAsync(GrainCall call, CancellationToken cancellationToken) =>
        (await RouteAsync(call, hops: 0, excluded: null, cancellationToken)).Result;

    /// <param name="excluded">A silo already found unable to take the call (passed on by the silo that forwarded it).</param>
    public async Task<GrainCallOutcome> RouteAsync(GrainCall call, int hops, Guid? excluded, CancellationToken cancellationToken)
    {
        Exception? lastFailure = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var self = runtime?.Identity.SiloId;
            GrainLocation? location = null;
            var runHere = runtime is not null && excluded != self
                && (!runtime.Options.UseGrainDirectory || runtime.IsActiveHere(call.GrainId));
            if (!runHere)
            {
                location = await locator.LocateAsync(call.GrainId, excluded, cancellationToken)
                    ?? throw new SiloUnavailableException($"No live silo can take calls to {call.GrainId} now.");

                // A forwarded call for a grain active nowhere was placed here by the sender: honour that rather than
                // re-placing with this silo's (possibly different) view of the membership, which could bounce the call.
                var placedHereBySender = hops > 0 && location.IsPlacement && excluded != self;
                runHere = runtime is not null && (location.Silo.SiloId == self || placedHereBySender);
            }

            if (runHere)
            {
                var local = await TryLocallyAsync(runtime!, call, cancellationToken);
                if (local.Outcome is not null)
                {
                    return local.Outcome;
                }

                (excluded, lastFailure) = (local.ExcludeSelf ? self : excluded, local.Failure);
                continue;
            }

            var target = location!.Silo;
            if (hops >= options.Value.MaxForwards && runtime is not null && excluded == runtime.Identity.SiloId)
            {
                // This silo cannot take the call (leaving or fenced) and may not forward it again: saying so lets the
                // sender, which still has a forward left, leave this silo out and pick another.
                throw new SiloUnavailableException($"Silo {runtime.Identity.SiloId} cannot take calls to {call.GrainId} now.");
            }

            if (hops >= options.Value.MaxForwards)
            {
                throw new GrainTransientException(call.GrainId, $"the call was forwarded {hops} times without reaching the grain; retry with backoff.");
            }

            try
            {
                var outcome = await client.ForwardAsync(target, call, hops + 1, excluded, cancellationToken);
                locator.Remember(call.GrainId, outcome.RanOn);
                return outcome;
            }
            catch (SiloUnreachableException ex)
            {
                logger.LogInformation("Silo {SiloId} did not take a call to {GrainId} ({Reason}); locating it again", target.SiloId, call.GrainId, ex.Message);
                locator.Forget(call.GrainId);
                excluded = target.SiloId;
                lastFailure = ex;
                await membership.RefreshAsync(cancellationToken);
            }
        }

        throw new GrainTransientException(call.GrainId, "no silo could take the call now; retry with backoff.", lastFailure);
    }

    private async Task<LocalAttempt> TryLocallyAsync(SiloRuntime local, GrainCall call, CancellationToken cancellationToken)
    {
        try
        {
            return new LocalAttempt(new GrainCallOutcome(await local.InvokeLocalAsync(call, cancellationToken), local.Identity.SiloId), false, null);
        }
        catch (NotOwnerException ex)
        {
            locator.Remember(call.GrainId, ex.OwnerSiloId);
            return new LocalAttempt(null, false, ex);
        }
        catch (SiloUnavailableException ex)
        {
            locator.Forget(call.GrainId);
            return new LocalAttempt(null, true, ex);
        }
        catch (SiloFencedException ex)
        {
            locator.Forget(call.GrainId);
            _ = fencing?.FenceAsync("a write or registration was refused");
            return new LocalAttempt(null, true, ex);
        }
    }
}
