using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Runtime;

namespace Singr.Grains.Interfaces.Requests;

/// <summary>
/// A venue's requests as its hosts work through them (processing, clearing) and, in venues that approve requests,
/// the approval workflow. The same activation as the venue's queue, keyed by the venue's internal id: every change
/// is one turn and raises <c>request:update</c>. Refusals that depend on a request's state return its current view.
/// </summary>
public interface IVenueRequestsGrain : IGrainWithGuidKey
{
    Task<Outcome<IReadOnlyList<RequestView>>> MarkProcessed(MarkRequestsProcessed command);

    Task<Outcome<RequestView>> DeleteRequest(DeleteRequest command);

    Task<Outcome<RequestsDeleted>> DeleteRequests(DeleteRequestsMatching command);

    Task<Outcome<RequestView>> Accept(AcceptRequest command);

    Task<Outcome<RequestView>> Respond(RespondToRequest command);

    Task<Outcome<RequestView>> Fulfill(FulfillRequest command);

    Task<Outcome<RequestView>> Reply(ReplyToRequest command);
}
