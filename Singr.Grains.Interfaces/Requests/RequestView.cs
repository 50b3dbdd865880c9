namespace Singr.Grains.Interfaces.Requests;

/// <summary>A request as hosts manage it: what was asked for, by whom, where it stands in the queue and with the host.</summary>
/// <param name="Status">The queue's status (<c>QueueItemStatuses</c>): <c>pending</c> while awaiting approval,
/// <c>rejected</c> when refused, otherwise queued, playing, played, skipped, removed or failed.</param>
/// <param name="PatronUserId">The patron's account, when they requested with one (null for kiosk guests).</param>
/// <param name="Processed">The host has dealt with it: marked by hand, or when it stopped waiting.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.requests.RequestView")]
public sealed record RequestView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid VenueId,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Title,
    [property: Id(4)] string? Artist,
    [property: Id(5)] int KeyChange,
    [property: Id(6)] string? Notes,
    [property: Id(7)] string? SingerName,
    [property: Id(8)] string RequestedByName,
    [property: Id(9)] Guid? PatronUserId,
    [property: Id(10)] string Status,
    [property: Id(11)] int CreditsCost,
    [property: Id(12)] bool Priority,
    [property: Id(13)] DateTimeOffset RequestedAt,
    [property: Id(14)] bool Processed,
    [property: Id(15)] DateTimeOffset? ProcessedAt,
    [property: Id(16)] RequestApproval? Approval);
