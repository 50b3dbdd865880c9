using Orleans;
using Singr.Grains.Interfaces.Wallets;

namespace Singr.Testing;

/// <summary>
/// Stops a venue's paid request where a crash would, from outside the product: a silo call filter around the venue's
/// call to the wallet's <c>Charge</c>. <see cref="BeforeCharge"/> runs after the venue stored the pending request and
/// before the wallet sees the call; <see cref="AfterCharge"/> after the wallet charged and before the venue queues the
/// request. A hook that throws ends the venue's turn there, as the silo dying would.
/// </summary>
public sealed class PaidRequestInterruption : IOutgoingGrainCallFilter
{
    public Func<Guid, Task>? BeforeCharge { get; init; }

    public Func<Guid, Task>? AfterCharge { get; init; }

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.InterfaceMethod?.Name != nameof(ICreditWalletGrain.Charge) || context.Request.GetArgument(0) is not ChargeCredits charge)
        {
            await context.Invoke();
            return;
        }

        if (BeforeCharge is { } before)
        {
            await before(charge.RequestId);
        }

        await context.Invoke();
        if (AfterCharge is { } after)
        {
            await after(charge.RequestId);
        }
    }
}
