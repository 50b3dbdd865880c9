namespace Singr.Grains.Interfaces.Requests;

/// <summary>
/// A request as hosts manage it, from the venue grain to the wire (<c>/v1/customer/requests</c>, the approval
/// endpoints, the dashboard's <c>request:update</c>): what was asked for, by whom, where it stands in the queue and with
/// the host. The room's view of the same request is <c>QueueItem</c>; the fields both carry have the same names.
/// </summary>
/// <param name="VenueId">The venue's external id (slug).</param>
/// <param name="Status">The queue's status (<c>QueueItemStatuses</c>): <c>pending</c> while awaiting approval,
/// <c>rejected</c> when refused, otherwise queued, playing, played, skipped, removed or failed.</param>
/// <param name="RequestedBy">The name the patron requested under.</param>
/// <param name="SubmittedByUserId">The patron's account, when they requested with one (null for kiosk guests).</param>
/// <param name="Processed">The host has dealt with it: marked by hand, or when it stopped waiting.</param>
/// <param name="SingerEmail">Only on <c>GET /v1/customer/requests/{id}</c>, and only for roles that may contact patrons.</param>
/// <remarks>Id 1 (the venue's internal id) is retired: a new field takes a new id, so silos of the previous release
/// still read this record during a rolling upgrade.</remarks>
[GenerateSerializer]
[Immutable]
[Alias("singr.requests.RequestView")]
public sealed record RequestView(
    [property: Id(0)] Guid Id,
    [property: Id(17)] string VenueId,
    [property: Id(18)] string VenueName,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Title,
    [property: Id(4)] string? Artist,
    [property: Id(5)] int KeyChange,
    [property: Id(6)] string? Notes,
    [property: Id(7)] string? SingerName,
    [property: Id(8)] string RequestedBy,
    [property: Id(9)] Guid? SubmittedByUserId,
    [property: Id(10)] string Status,
    [property: Id(11)] int CreditsCost,
    [property: Id(12)] bool Priority,
    [property: Id(13)] DateTimeOffset RequestedAt,
    [property: Id(14)] bool Processed,
    [property: Id(15)] DateTimeOffset? ProcessedAt,
    [property: Id(16)] RequestApproval? Approval,
    [property: Id(19)] string? SingerEmail = null);
