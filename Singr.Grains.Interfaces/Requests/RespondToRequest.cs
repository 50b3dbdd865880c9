using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Requests;

/// <param name="Status">approved or rejected (<see cref="ApprovalStatuses.Responses"/>).</param>
/// <param name="Message">Shown to the patron with the answer.</param>
public sealed record RespondToRequest(Guid Id, string Status, string? Message, HostIdentity Host, AuditStamp Stamp)
{
    public const int MaxMessageLength = 500;
}
