namespace Singr.Api.Requests;

/// <summary>One of the caller's own requests at a venue, as the patron sees it.</summary>
/// <param name="Status">pending (awaiting a host), queued, playing, played, skipped, removed, failed or rejected.</param>
/// <param name="Position">While queued: the place in the queue (1 is next).</param>
/// <param name="EstimatedStartAt">While queued: when it should start, from the songs ahead.</param>
/// <param name="ResponseMessage">The host's answer to a request that waited for approval.</param>
public sealed record MyRequest(
    Guid Id,
    string Kind,
    string Title,
    string? Artist,
    string? SingerName,
    string Status,
    DateTimeOffset RequestedAt,
    int? Position,
    DateTimeOffset? EstimatedStartAt,
    string? ResponseMessage);
