namespace Singr.Grains.Interfaces.Requests;

/// <summary>A request as hosts manage it: what was asked for, by whom, where it stands in the queue and with the host.</summary>
/// <param name="Status">The queue's status (<c>QueueItemStatuses</c>): <c>pending</c> while awaiting approval,
/// <c>rejected</c> when refused, otherwise queued, playing, played, skipped, removed or failed.</param>
/// <param name="PatronUserId">The patron's account, when they requested with one (null for kiosk guests).</param>
/// <param name="Processed">The host has dealt with it: marked by hand, or when it stopped waiting.</param>
public sealed record RequestView(
    Guid Id,
    Guid VenueId,
    string Kind,
    string Title,
    string? Artist,
    int KeyChange,
    string? Notes,
    string? SingerName,
    string RequestedByName,
    Guid? PatronUserId,
    string Status,
    int CreditsCost,
    bool Priority,
    DateTimeOffset RequestedAt,
    bool Processed,
    DateTimeOffset? ProcessedAt,
    RequestApproval? Approval);
