using Orleans.Concurrency;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Requests;

namespace Singr.Grains.Requests;

/// <summary>Holds nothing: asks each venue for its part, all venues at once, and sums up their answers.</summary>
[StatelessWorker]
public sealed class OrganisationRequestsGrain : Grain, IOrganisationRequestsGrain
{
    public async Task<BulkProcessed> MarkProcessed(IReadOnlyList<VenueRequestIds> venues, bool processed, AuditStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(venues);
        var parts = await Task.WhenAll(venues.Select(async venue =>
        {
            var marked = await GrainFactory.GetGrain<IVenueRequestsGrain>(venue.VenueId)
                .MarkProcessed(new MarkRequestsProcessed(venue.RequestIds, processed, stamp));
            return new VenueBulkProcessed(venue.VenueSlug, marked.Value?.Count ?? 0, marked.Error);
        }));
        return new BulkProcessed(parts.Sum(p => p.Updated), parts);
    }

    public async Task<RequestsDeleted> DeleteRequests(IReadOnlyList<Guid> venueIds, DeleteRequestsMatching command)
    {
        ArgumentNullException.ThrowIfNull(venueIds);
        var parts = await Task.WhenAll(venueIds.Select(id => GrainFactory.GetGrain<IVenueRequestsGrain>(id).DeleteRequests(command)));
        var cleared = parts.Where(p => p.Error is null).Select(p => p.Value!).ToList();
        return new RequestsDeleted(cleared.Sum(c => c.Deleted), cleared.Sum(c => c.StillWaiting));
    }
}
