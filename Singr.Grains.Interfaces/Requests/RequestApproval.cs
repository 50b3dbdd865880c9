namespace Singr.Grains.Interfaces.Requests;

/// <summary>Where a request stands in the approval workflow; null on requests of venues that do not approve requests.</summary>
/// <param name="Status">One of <see cref="ApprovalStatuses"/>.</param>
/// <param name="AcceptedBy">The host who claimed the request to answer it.</param>
/// <param name="ResponseMessage">The host's message to the patron with their answer.</param>
/// <param name="PatronReply">The patron's one reply to that answer.</param>
public sealed record RequestApproval(
    string Status,
    Guid? AcceptedBy,
    string? AcceptedByName,
    DateTimeOffset? AcceptedAt,
    Guid? RespondedBy,
    string? RespondedByName,
    DateTimeOffset? RespondedAt,
    string? ResponseMessage,
    string? PatronReply,
    DateTimeOffset? RepliedAt);
