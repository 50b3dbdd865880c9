using Singr.Grains.Interfaces.Access;

namespace Singr.Grains.Interfaces.Requests;

/// <summary>
/// A venue's requests as its hosts work through them (processing, clearing) and, in venues that approve requests,
/// the approval workflow. The same activation as the venue's queue, keyed by the venue's internal id: every change
/// is one turn and raises <c>request:update</c>. Refusals that depend on a request's state return its current view.
/// </summary>
[Alias("singr.requests.IVenueRequestsGrain")]
public interface IVenueRequestsGrain : IGrainWithGuidKey
{
    [Alias("MarkProcessed")]
    Task<Outcome<IReadOnlyList<RequestView>>> MarkProcessed(MarkRequestsProcessed command);

    [Alias("DeleteRequest")]
    Task<Outcome<RequestView>> DeleteRequest(DeleteRequest command);

    [Alias("DeleteRequests")]
    Task<Outcome<RequestsDeleted>> DeleteRequests(DeleteRequestsMatching command);

    [Alias("Accept")]
    Task<Outcome<RequestView>> Accept(AcceptRequest command);

    [Alias("Respond")]
    Task<Outcome<RequestView>> Respond(RespondToRequest command);

    [Alias("Fulfill")]
    Task<Outcome<RequestView>> Fulfill(FulfillRequest command);

    [Alias("Reply")]
    Task<Outcome<RequestView>> Reply(ReplyToRequest command);
}
