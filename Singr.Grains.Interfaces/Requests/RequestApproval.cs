namespace Singr.Grains.Interfaces.Requests;

/// <summary>Where a request stands in the approval workflow; null on requests of venues that do not approve requests.</summary>
/// <param name="Status">One of <see cref="ApprovalStatuses"/>.</param>
/// <param name="AcceptedBy">The host who claimed the request to answer it.</param>
/// <param name="ResponseMessage">The host's message to the patron with their answer.</param>
/// <param name="PatronReply">The patron's one reply to that answer.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.requests.RequestApproval")]
public sealed record RequestApproval(
    [property: Id(0)] string Status,
    [property: Id(1)] Guid? AcceptedBy,
    [property: Id(2)] string? AcceptedByName,
    [property: Id(3)] DateTimeOffset? AcceptedAt,
    [property: Id(4)] Guid? RespondedBy,
    [property: Id(5)] string? RespondedByName,
    [property: Id(6)] DateTimeOffset? RespondedAt,
    [property: Id(7)] string? ResponseMessage,
    [property: Id(8)] string? PatronReply,
    [property: Id(9)] DateTimeOffset? RepliedAt);
