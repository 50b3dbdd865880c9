using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Requests;

/// <param name="Status">approved or rejected (<see cref="ApprovalStatuses.Responses"/>).</param>
/// <param name="Message">Shown to the patron with the answer.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.requests.RespondToRequest")]
public sealed record RespondToRequest(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Status,
    [property: Id(2)] string? Message,
    [property: Id(3)] HostIdentity Host,
    [property: Id(4)] AuditStamp Stamp)
{
    public const int MaxMessageLength = 500;
}
