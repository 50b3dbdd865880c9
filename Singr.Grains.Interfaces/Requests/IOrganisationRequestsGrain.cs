using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Requests;

/// <summary>
/// Changes to requests across an organisation's venues, in one call from the front end. No transaction spans venues:
/// each venue's part is one turn of that venue, all of its part or none, and the reply says how each venue went.
/// Keyed by the organisation's id; the caller has already checked that every venue and request is the organisation's.
/// </summary>
[Alias("singr.requests.IOrganisationRequestsGrain")]
public interface IOrganisationRequestsGrain : IGrainWithGuidKey
{
    [Alias("MarkProcessed")]
    Task<BulkProcessed> MarkProcessed(IReadOnlyList<VenueRequestIds> venues, bool processed, AuditStamp stamp);

    /// <summary>Clears each venue's finished requests that match; a venue deleted meanwhile (its one refusal) has none to clear.</summary>
    [Alias("DeleteRequests")]
    Task<RequestsDeleted> DeleteRequests(IReadOnlyList<Guid> venueIds, DeleteRequestsMatching command);
}
