using Orleans;
using Orleans.Runtime;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Requests;

namespace Singr.Api.Tests;

/// <summary>
/// Makes one venue answer <c>MarkProcessed</c> as if one of its requests had been deleted a moment before, which a test
/// cannot otherwise time between the API's check and the venue's turn. The venue's turn never runs.
/// </summary>
public sealed class MarkProcessedRefusedAt : IIncomingGrainCallFilter
{
    public Guid? Venue { get; set; }

    public Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.InterfaceMethod.Name != nameof(IVenueRequestsGrain.MarkProcessed) || context.TargetId.GetGuidKey() != Venue)
        {
            return context.Invoke();
        }

        context.Result = Outcome.Refused<IReadOnlyList<RequestView>>(DomainErrors.RequestNotFound);
        return Task.CompletedTask;
    }
}
